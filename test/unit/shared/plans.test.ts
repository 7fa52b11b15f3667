import { describe, expect, it } from 'vitest';
import {
  NUTRITION_AGENT_FIELDS,
  NUTRITION_PLAN_FIELDS,
  NUTRITION_PLANS_COLLECTION,
  NutritionPlanDocumentSchema,
  nutritionPlanIdForJob,
  TRAINING_AGENT_FIELDS,
  TRAINING_PLAN_FIELDS,
  TRAINING_PLANS_COLLECTION,
  TrainingPlanDocumentSchema,
  trainingPlanIdForJob,
  type NutritionPlanDocument,
  type TrainingPlanDocument,
} from '../../../src/shared/plans';

/** Copy of `record` without `key` (lint forbids deleting computed keys). */
function omit(record: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

const JOB_ID = '6f1c2a4e-9b7d-4c1e-8f3a-2d5b7e9c1a30';

const metrics = {
  total_tokens: 18_450,
  prompt_tokens: 12_300,
  completion_tokens: 6_150,
  cost_usd: 0.0231,
  duration_ms: 184_000,
  by_agent: {
    E1: { prompt_tokens: 1_900, completion_tokens: 700, total_tokens: 2_600, model: 'gpt-5-mini' },
    E8: {
      prompt_tokens: 1_400,
      completion_tokens: 300,
      total_tokens: 1_700,
      cost_usd: 0.0012,
      duration_ms: 9_000,
    },
  },
};

const audit = {
  status: 'con_warnings',
  checks: [
    { id: 'TRN-04', severity: 'block', passed: true, reason: '4 sesiones ≤ 4 días disponibles' },
    { id: 'TRN-06', severity: 'warn', passed: false, reason: 'Pecho: 22 series semanales (> 20)' },
  ],
  warnings: ['Volumen de pecho por encima del objetivo'],
  recomendaciones: ['Reducir una serie de press inclinado'],
};

function trainingPlan(): Record<string, unknown> {
  return {
    _id: trainingPlanIdForJob(JOB_ID),
    user_id: 'user-1',
    job_id: JOB_ID,
    submission_id: 'sub-1',
    previous_training_plan_id: null,
    created_at: new Date('2025-06-15T12:00:00Z'),
    language: 'es',
    model: 'gpt-5-mini',
    training: {
      client_summary: {
        profile: { edad: 35, sexo: 'Mujer', nivel: 'intermedio' },
        constraints: ['rodilla izquierda: evitar impacto'],
        prehab: [{ zona: 'rodilla', ejercicio_id: 'glute_bridge' }],
      },
      capacity: { level: 'intermedio', split: 'torso-pierna', target_rir: 2, risk: 'bajo' },
      adaptation: { strategy: 'progresión de volumen conservadora' },
      mesocycle: {
        weeks: 6,
        phases: [{ semanas: [1, 2, 3, 4, 5], tipo: 'acumulación' }],
        deload: { semana: 6, reduccion_series_pct: 40 },
      },
      sessions: {
        dias: [{ dia: 'lunes', ejercicios: [{ id: 'back_squat', series: 3, reps: '8-10', rir: 2 }] }],
      },
      safe_sessions: { dias: [], sustituciones: [{ de: 'back_squat', a: 'goblet_squat' }] },
      formatted_plan: { markdown: '# Plan de entrenamiento\n…' },
      audit,
      bridge_for_nutrition: {
        training_days: ['lunes', 'miercoles', 'viernes', 'sabado'],
        session_load: { lunes: 'alta' },
        energy_map: { alto: 2, medio: 2, bajo: 3 },
      },
    },
    metrics,
    notas_del_coach: 'campo añadido por otra versión',
  };
}

function nutritionPlan(): Record<string, unknown> {
  return {
    _id: nutritionPlanIdForJob(JOB_ID),
    user_id: 'user-1',
    job_id: JOB_ID,
    submission_id: 'sub-1',
    training_plan_id: trainingPlanIdForJob(JOB_ID),
    previous_nutrition_plan_id: null,
    created_at: new Date('2025-06-15T12:05:00Z'),
    language: 'en',
    model: 'gpt-5-mini',
    nutrition: {
      profile: { eligibility: 'apto', referral_flags: [], allergies: ['gluten'] },
      metabolism: { bmr: 1_402.5, tdee: 2_174 },
      energy_strategy: { kcal: { alto: 2_100, medio: 1_900, bajo: 1_700 } },
      macro_design: { proteina_g: 125, grasa_g: 60, carbohidratos_g: 210 },
      weekly_structure: { lunes: 'alto' },
      timing_plan: { comidas: 4 },
      menu_plan: { dias: [] },
      adherence_report: { habitos: ['agua 2 L'] },
      audit: { ...audit, status: 'aprobado' },
    },
    metrics: { ...metrics, cost_usd: null },
  };
}

describe('plan ids', () => {
  it('are derived deterministically from the job id', () => {
    expect(trainingPlanIdForJob(JOB_ID)).toBe(`tp_${JOB_ID}`);
    expect(nutritionPlanIdForJob(JOB_ID)).toBe(`np_${JOB_ID}`);
    expect(trainingPlanIdForJob(JOB_ID)).toBe(trainingPlanIdForJob(JOB_ID));
    expect(trainingPlanIdForJob('a')).not.toBe(trainingPlanIdForJob('b'));
    expect(trainingPlanIdForJob(JOB_ID)).not.toBe(nutritionPlanIdForJob(JOB_ID));
  });

  it('refuse an empty job id', () => {
    expect(() => trainingPlanIdForJob('')).toThrow(TypeError);
    expect(() => nutritionPlanIdForJob('')).toThrow(TypeError);
  });
});

describe('agent field lists', () => {
  it('match docs/ARCHITECTURE.md "The agents" in pipeline order', () => {
    expect(TRAINING_PLAN_FIELDS).toEqual(Object.values(TRAINING_AGENT_FIELDS));
    expect(NUTRITION_PLAN_FIELDS).toEqual(Object.values(NUTRITION_AGENT_FIELDS));
    expect(TRAINING_AGENT_FIELDS.E8).toBe('audit');
    expect(NUTRITION_AGENT_FIELDS.N8).toBe('audit');
    expect(TRAINING_PLANS_COLLECTION).toBe('training_plans');
    expect(NUTRITION_PLANS_COLLECTION).toBe('nutrition_plans');
  });
});

describe('TrainingPlanDocumentSchema', () => {
  it('parses a realistic plan and keeps fields it does not know', () => {
    const parsed: TrainingPlanDocument = TrainingPlanDocumentSchema.parse(trainingPlan());
    expect(parsed.training.audit.status).toBe('con_warnings');
    expect(parsed.training.audit.checks[1]).toMatchObject({ id: 'TRN-06', passed: false });
    expect(parsed.training.sessions['dias']).toEqual([
      { dia: 'lunes', ejercicios: [{ id: 'back_squat', series: 3, reps: '8-10', rir: 2 }] },
    ]);
    expect(parsed['notas_del_coach']).toBe('campo añadido por otra versión');
    expect(parsed.metrics.by_agent['E1']?.total_tokens).toBe(2_600);
  });

  it.each(TRAINING_PLAN_FIELDS)('requires training.%s', (field) => {
    const plan = trainingPlan();
    const training = omit(plan['training'] as object, field);
    const result = TrainingPlanDocumentSchema.safeParse({ ...plan, training });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([`training.${field}`]);
  });

  it('rejects an _id not derived from its job', () => {
    const result = TrainingPlanDocumentSchema.safeParse({ ...trainingPlan(), _id: 'tp_otro-job' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['_id']);
    expect(TrainingPlanDocumentSchema.safeParse({ ...trainingPlan(), _id: JOB_ID }).success).toBe(false);
  });

  it('types the audit and the metrics', () => {
    const withAudit = (value: unknown) => {
      const plan = trainingPlan();
      return { ...plan, training: { ...(plan['training'] as object), audit: value } };
    };
    const paths = (input: unknown) =>
      TrainingPlanDocumentSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths(withAudit({ ...audit, status: 'ok' }))).toEqual(['training.audit.status']);
    expect(
      paths(
        withAudit({ ...audit, checks: [{ id: 'TRN-01', severity: 'fatal', passed: 'no', reason: 'x' }] }),
      ),
    ).toEqual(['training.audit.checks.0.severity', 'training.audit.checks.0.passed']);
    expect(paths({ ...trainingPlan(), metrics: { ...metrics, total_tokens: -1 } })).toEqual([
      'metrics.total_tokens',
    ]);
    expect(paths({ ...trainingPlan(), language: 'fr' })).toEqual(['language']);
  });
});

describe('NutritionPlanDocumentSchema', () => {
  it('parses a realistic plan, with unknown cost', () => {
    const parsed: NutritionPlanDocument = NutritionPlanDocumentSchema.parse(nutritionPlan());
    expect(parsed.nutrition.metabolism.tdee).toBe(2_174);
    expect(parsed.nutrition.audit.status).toBe('aprobado');
    expect(parsed.metrics.cost_usd).toBeNull();
    expect(parsed.training_plan_id).toBe(`tp_${JOB_ID}`);
  });

  it.each(NUTRITION_PLAN_FIELDS)('requires nutrition.%s', (field) => {
    const plan = nutritionPlan();
    const nutrition = omit(plan['nutrition'] as object, field);
    const result = NutritionPlanDocumentSchema.safeParse({ ...plan, nutrition });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([`nutrition.${field}`]);
  });

  it('rejects a training-plan id', () => {
    expect(
      NutritionPlanDocumentSchema.safeParse({ ...nutritionPlan(), _id: trainingPlanIdForJob(JOB_ID) })
        .success,
    ).toBe(false);
  });
});
