import type { N7Output } from '@shared/agent-outputs/nutrition';
import type { AuditCheckResult, NutritionFacts } from '@shared/plan-content';
import { checkResult, listEs } from './check';
import { findForbidden, findSupplement, type DoseLimits, type SupplementEntry } from './supplement-catalog';
import { convertDose, parseDose } from './supplement-dose';
import { fmt } from './text';

/*
 * NUT-18, supplements (docs/DOMAIN.md "Caffeine, supplements and water", docs/AUDITS.md "10. Supplements (NUT-18)"): every recommended supplement is on the
 * whitelist (resources/supplements.json) at a dose within its range; nothing on the never-recommend
 * list; nothing for a minor or a pregnant or lactating client. The same findings feed N7's repair
 * round (block-level ones and doses above range), so the model gets one chance to fix them first.
 */

type Supplement = Pick<N7Output['suplementos'][number], 'nombre' | 'dosis' | 'cafeina_mg'>;

export interface SupplementFinding {
  severity: 'block' | 'warn';
  /** Sent back to N7 in the repair round (the model can fix it by changing the plan). */
  repair: boolean;
  text: string;
}

/**
 * Why a client may take no supplement (docs/DOMAIN.md "Caffeine, supplements and water": none for minors or pregnancy without
 * clearance). The data has no supplement clearance: the coach's written override of a blocked plan
 * is the way to release it. Protein powder, a food, is not affected.
 */
export function supplementRestriction(facts: Pick<NutritionFacts, 'edad' | 'screening'>): string | null {
  if (facts.edad < 18) return `menor de edad (${fmt(facts.edad, 0)} años)`;
  const pregnancy = facts.screening.checks.find((check) => check.id === 'SCR-04');
  if (pregnancy && !pregnancy.passed) return 'embarazo, posparto o lactancia';
  return null;
}

const UNIT_LABEL = { g: 'g', mg: 'mg', ug: 'µg' } as const;

function doseFindings(
  supplement: Supplement,
  entry: SupplementEntry,
  limits: DoseLimits,
): SupplementFinding[] {
  // Caffeine also has its own number field (NUT-17's): "1 cápsula" with cafeina_mg 150 is 150 mg.
  const stated = entry.id === 'cafeina' && supplement.cafeina_mg > 0;
  const parsed =
    parseDose(supplement.dosis) ??
    (stated ? { perDose: supplement.cafeina_mg, perDay: supplement.cafeina_mg, unit: 'mg' as const } : null);
  const name = `${supplement.nombre} («${supplement.dosis}»)`;
  if (!parsed) {
    return [{ severity: 'warn', repair: false, text: `${name}: dosis sin cantidad comprobable` }];
  }
  const perDose = convertDose(parsed.perDose, parsed.unit, limits.unit, limits.iu_per_ug);
  const perDay = convertDose(parsed.perDay, parsed.unit, limits.unit, limits.iu_per_ug);
  if (perDose === null || perDay === null) {
    return [{ severity: 'warn', repair: false, text: `${name}: dosis en una unidad no comparable` }];
  }
  const unit = UNIT_LABEL[limits.unit];
  const amount = (value: number) => `${fmt(value, 2)} ${unit}`;
  const findings: SupplementFinding[] = [];
  if (limits.upper_limit_per_day !== undefined && perDay > limits.upper_limit_per_day) {
    findings.push({
      severity: 'block',
      repair: true,
      text: `${name}: ${amount(perDay)}/día supera el límite de seguridad de ${amount(limits.upper_limit_per_day)}/día (${entry.source})`,
    });
  } else if (limits.max_per_day !== undefined && perDay > limits.max_per_day) {
    findings.push({
      severity: 'warn',
      repair: true,
      text: `${name}: ${amount(perDay)}/día por encima del rango de ${entry.label.es} (${limits.min_per_day !== undefined ? `${fmt(limits.min_per_day)}–` : 'hasta '}${amount(limits.max_per_day)}/día; ${entry.source})`,
    });
  }
  if (limits.max_per_dose_block !== undefined && perDose > limits.max_per_dose_block) {
    findings.push({
      severity: 'block',
      repair: true,
      text: `${name}: ${amount(perDose)} en una toma supera ${amount(limits.max_per_dose_block)} (${entry.source})`,
    });
  } else if (limits.max_per_dose !== undefined && perDose > limits.max_per_dose) {
    findings.push({
      severity: 'warn',
      repair: true,
      text: `${name}: ${amount(perDose)} por toma, más de ${amount(limits.max_per_dose)} (${entry.source})`,
    });
  }
  return findings;
}

export interface SupplementContext {
  /** `supplementRestriction(facts)`: no supplement at all when set. */
  restriction: string | null;
}

/** Every finding about the recommended supplements, in plan order. */
export function supplementFindings(
  supplements: readonly Supplement[],
  context: SupplementContext,
): SupplementFinding[] {
  const findings: SupplementFinding[] = [];
  const caffeine = supplements.some((s) => s.cafeina_mg > 0 || findSupplement(s.nombre)?.id === 'cafeina');
  for (const supplement of supplements) {
    const name = supplement.nombre;
    const forbidden = findForbidden(`${supplement.nombre} ${supplement.dosis}`);
    for (const entry of forbidden) {
      const stacked = entry.block_with_caffeine === true && caffeine;
      findings.push({
        severity: stacked ? 'block' : entry.severity,
        repair: entry.severity === 'block' || stacked,
        text: `${name}: ${entry.reason}${stacked ? ', y el plan incluye cafeína' : ''} (${entry.source})`,
      });
    }
    const entry = findSupplement(name);
    if (context.restriction && entry?.kind !== 'alimento') {
      findings.push({
        severity: 'block',
        repair: true,
        text: `${name}: ningún suplemento sin autorización profesional para ${context.restriction}`,
      });
    }
    if (forbidden.length > 0) continue;
    if (!entry) {
      findings.push({
        severity: 'warn',
        repair: false,
        text: `${name}: no está en la lista de suplementos con evidencia; revisión profesional`,
      });
      continue;
    }
    if (entry.requires_medical_indication) {
      findings.push({
        severity: 'warn',
        repair: false,
        text: `${name}: solo con indicación médica (${entry.note})`,
      });
    }
    if (entry.dose) findings.push(...doseFindings(supplement, entry, entry.dose));
  }
  return findings;
}

/** N7's repair round: what the model must change (forbidden, unsafe, above range, not allowed). */
export function supplementRepairProblems(
  supplements: readonly Supplement[],
  context: SupplementContext,
): string[] {
  return supplementFindings(supplements, context)
    .filter((finding) => finding.repair)
    .map((finding) => `suplementos: ${finding.text}; quítalo o ajusta la dosis`);
}

/** NUT-18: block if any block finding, warn if any warn finding. */
export function nut18(
  facts: NutritionFacts,
  adherence: { suplementos: readonly Supplement[] },
): AuditCheckResult {
  const findings = supplementFindings(adherence.suplementos, { restriction: supplementRestriction(facts) });
  const blocks = findings.filter((finding) => finding.severity === 'block').map((f) => f.text);
  const warns = findings.filter((finding) => finding.severity === 'warn').map((f) => f.text);
  if (blocks.length > 0) {
    return checkResult(
      'NUT-18',
      'block',
      false,
      `Suplementos no seguros: ${listEs([...blocks, ...warns], 8)}.`,
    );
  }
  if (warns.length > 0) {
    return checkResult('NUT-18', 'warn', false, `Suplementos a revisar: ${listEs(warns, 8)}.`);
  }
  const names = adherence.suplementos.map((s) => `${s.nombre} (${s.dosis})`);
  return checkResult(
    'NUT-18',
    'block',
    true,
    names.length === 0
      ? 'Sin suplementos recomendados.'
      : `Suplementos de la lista con evidencia y en dosis: ${listEs(names)}.`,
  );
}
