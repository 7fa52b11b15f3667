import { describe, expect, it } from 'vitest';
import { ENUM_LABEL_KEYS } from '../../../src/renderer/src/plan/enum-labels';
import {
  DayTypeSchema,
  DiaSchema,
  NivelSchema,
  ObjetivoSchema,
} from '../../../src/shared/agent-outputs/common';
import { N0OutputSchema } from '../../../src/shared/agent-outputs/nutrition';
import {
  E1OutputSchema,
  E2OutputSchema,
  E3OutputSchema,
  E4OutputSchema,
  E6OutputSchema,
  FASE_VALUES,
  SessionSchema,
  SPLIT_VALUES,
} from '../../../src/shared/agent-outputs/training';
import {
  AuditCheckResultSchema,
  AuditResultSchema,
  ClientFactsSchema,
  InjuryFactSchema,
  MacroDesignSchema,
  MetabolismSchema,
} from '../../../src/shared/plan-content';
import {
  AUDIT_SEVERITY_VALUES,
  AUDIT_STATUS_VALUES,
  AuditCheckSchema,
  PlanAuditSchema,
} from '../../../src/shared/plans';
import {
  DIA_SEMANA_VALUES,
  ESTADO_LESION_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
} from '../../../src/shared/questionnaire';
import { en } from '../../../src/renderer/src/i18n/en';
import { es, type Messages } from '../../../src/renderer/src/i18n/es';

/**
 * Every closed enum the plan views label, with every place its values come from: the shared value
 * lists and the zod enums of the agents' outputs (so a value added to any of them needs a label).
 */
const ENUM_VALUES: Record<string, ReadonlyArray<readonly string[]>> = {
  nivel: [
    NIVEL_EXPERIENCIA_VALUES,
    NivelSchema.options,
    E2OutputSchema.shape.nivel.options,
    ClientFactsSchema.shape.nivel_experiencia.options,
  ],
  dia: [DIA_SEMANA_VALUES, DiaSchema.options, SessionSchema.shape.dia.options],
  objetivo: [
    OBJETIVO_PRINCIPAL_VALUES,
    ObjetivoSchema.options,
    E1OutputSchema.shape.objetivo_interpretado.options,
  ],
  estado_lesion: [
    ESTADO_LESION_VALUES,
    E1OutputSchema.shape.restricciones.element.shape.estado.options,
    InjuryFactSchema.shape.estado.options,
  ],
  tipo_dia: [DayTypeSchema.options, Object.keys(MacroDesignSchema.shape.por_tipo_dia.shape)],
  split: [SPLIT_VALUES, E2OutputSchema.shape.split.options],
  riesgo: [E2OutputSchema.shape.riesgo.options],
  tolerancia_volumen: [E3OutputSchema.shape.tolerancia_volumen.options],
  fase: [FASE_VALUES, E4OutputSchema.shape.semanas.element.shape.fase.options],
  momento_correctivo: [E6OutputSchema.shape.correctivos.element.shape.momento.options],
  elegibilidad: [N0OutputSchema.shape.elegibilidad.options],
  ecuacion: [MetabolismSchema.shape.ecuacion.options],
  estado_auditoria: [
    AUDIT_STATUS_VALUES,
    AuditResultSchema.shape.status.options,
    PlanAuditSchema.shape.status.options,
  ],
  severidad: [
    AUDIT_SEVERITY_VALUES,
    AuditCheckResultSchema.shape.severity.options,
    AuditCheckSchema.shape.severity.options,
  ],
};

const valuesOf = (name: string): string[] => [...new Set((ENUM_VALUES[name] ?? []).flat())].sort();

/** What i18next's `t` finds at a dotted key. */
function at(messages: Messages, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      messages,
    );
}

const LANGUAGES = [
  ['es', es],
  ['en', en],
] as const;

describe('plan enum labels (i18n)', () => {
  it('the views label exactly the enums listed here', async () => {
    expect(Object.keys(ENUM_LABEL_KEYS).sort()).toEqual(Object.keys(ENUM_VALUES).sort());
  });

  it.each(Object.keys(ENUM_VALUES))('%s: every value has a distinct es and en label', async (name) => {
    const key = (ENUM_LABEL_KEYS as Record<string, string>)[name] ?? '';
    const values = valuesOf(name);
    expect(values.length).toBeGreaterThan(1);
    for (const [lang, messages] of LANGUAGES) {
      const labels = values.map((value) => at(messages, `${key}.${value}`));
      values.forEach((value, i) => {
        const label = labels[i];
        expect(typeof label === 'string' && label.trim() !== '', `${lang}: ${key}.${value}`).toBe(true);
        expect(label, `${lang}: ${key}.${value} is the raw value`).not.toBe(value);
      });
      expect(new Set(labels).size, `${lang}: two values of ${name} share a label`).toBe(values.length);
    }
  });

  it('plan label groups hold no value their enum does not have', async () => {
    const keys: Record<string, string> = ENUM_LABEL_KEYS;
    const ownGroups = Object.entries(keys).filter(([, key]) => key.startsWith('plan.'));
    expect(ownGroups.length).toBeGreaterThan(5);
    for (const [lang, messages] of LANGUAGES) {
      for (const [name, key] of ownGroups) {
        expect(Object.keys(at(messages, key) as object).sort(), `${lang}: ${key}`).toEqual(valuesOf(name));
      }
      // Every group under plan.options belongs to one of the enums.
      const used = new Set(ownGroups.map(([, key]) => key));
      for (const group of Object.keys(messages.plan.options)) {
        expect(used.has(`plan.options.${group}`), `${lang}: plan.options.${group} is unused`).toBe(true);
      }
    }
  });
});
