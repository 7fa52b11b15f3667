import type { TrainingPlanDocument, NutritionPlanDocument } from '@shared/plans';
import {
  AuditResultSchema,
  BridgeSchema,
  EnergyStrategySchema,
  MacroDesignSchema,
  SafeSessionsFieldSchema,
  SessionsFieldSchema,
  WeeklyStructureSchema,
} from '@shared/plan-content';

export interface CoherenceCheck {
  check: string;
  passed: boolean;
  detail: string;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Checks between agents' outputs that the original's validation script made (and a few more). */
export function trainingCoherence(plan: TrainingPlanDocument): CoherenceCheck[] {
  const sessions = SessionsFieldSchema.parse(plan.training.sessions);
  const safe = SafeSessionsFieldSchema.parse(plan.training.safe_sessions);
  const bridge = BridgeSchema.parse(plan.training.bridge_for_nutrition);
  const audit = AuditResultSchema.parse(plan.training.audit);
  const e5Days = sessions.sesiones.map((s) => s.dia);
  const e6Days = safe.sesiones.map((s) => s.dia);
  const blocking = audit.checks.filter((c) => c.severity === 'block' && !c.passed);
  return [
    {
      check: 'E9 training days = E5 session days',
      passed: sameSet(bridge.dias_entrenamiento, e5Days),
      detail: `E9 ${bridge.dias_entrenamiento.join(', ')} · E5 ${e5Days.join(', ')}`,
    },
    {
      check: 'E6 keeps E5 days',
      passed: sameSet(e6Days, e5Days),
      detail: `E6 ${e6Days.join(', ')}`,
    },
    {
      check: 'E9 weekly minutes = E6 session minutes',
      passed: bridge.minutos_semana === safe.sesiones.reduce((sum, s) => sum + s.duracion_min, 0),
      detail: `${bridge.minutos_semana} min`,
    },
    {
      check: 'training audit passed (no blocking check failed)',
      passed: blocking.length === 0 && audit.status !== 'bloqueado',
      detail: blocking.length
        ? blocking.map((c) => `${c.id}: ${c.reason}`).join(' | ')
        : `status ${audit.status}`,
    },
  ];
}

export function nutritionCoherence(
  plan: NutritionPlanDocument,
  bridgeSource: TrainingPlanDocument | null,
): CoherenceCheck[] {
  const weekly = WeeklyStructureSchema.parse(plan.nutrition.weekly_structure);
  const energy = EnergyStrategySchema.parse(plan.nutrition.energy_strategy);
  const macros = MacroDesignSchema.parse(plan.nutrition.macro_design);
  const audit = AuditResultSchema.parse(plan.nutrition.audit);
  const checks: CoherenceCheck[] = [];
  if (bridgeSource) {
    const bridge = BridgeSchema.parse(bridgeSource.training.bridge_for_nutrition);
    const e9Types = bridge.semana.map((d) => `${d.dia}:${d.tipo_dia}`);
    const n4Types = weekly.semana.map((d) => `${d.dia}:${d.tipo_dia}`);
    checks.push({
      check: 'nutrition day types = E9 day types',
      passed: e9Types.join() === n4Types.join(),
      detail: n4Types.join(', '),
    });
  }
  for (const type of ['alto', 'medio', 'bajo'] as const) {
    const day = macros.por_tipo_dia[type];
    const kcal = 4 * day.proteina_g + 4 * day.carbohidratos_g + 9 * day.grasa_g;
    const target = energy.por_tipo_dia[type];
    const error = Math.abs(kcal - target) / target;
    checks.push({
      check: `macro kcal = energy target (${type})`,
      passed: error <= 0.03,
      detail: `4P+4C+9F = ${Math.round(kcal)} kcal vs ${Math.round(target)} kcal (${(error * 100).toFixed(1)} %)`,
    });
  }
  const blocking = audit.checks.filter((c) => c.severity === 'block' && !c.passed);
  checks.push({
    check: 'nutrition audit passed (no blocking check failed)',
    passed: blocking.length === 0 && audit.status !== 'bloqueado',
    detail: blocking.length
      ? blocking.map((c) => `${c.id}: ${c.reason}`).join(' | ')
      : `status ${audit.status}`,
  });
  return checks;
}
