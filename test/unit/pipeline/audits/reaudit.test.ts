import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E7OutputSchema } from '@shared/agent-outputs/training';
import { applyTrainingEdit, type TrainingEdit, type TrainingEditCatalog } from '@shared/plan-edits';
import {
  ClientFactsSchema,
  MesocycleSchema,
  SafeSessionsFieldSchema,
  type AuditCheckResult,
} from '@shared/plan-content';
import type { NutritionPlanDocument, PlanAudit, TrainingPlanDocument } from '@shared/plans';
import {
  auditTraining,
  buildAudit,
  reauditNutritionPlan,
  reauditTrainingPlan,
  recoverLlmReview,
} from '../../../../src/main/pipeline/audits';
import { defaultCatalogPath, loadCatalog } from '../../../../src/main/pipeline/catalog';
import { FIXTURE_PROFILES, storedPlans } from '../../shared/client-plan/stored-plans';
import {
  applied as appliedNutrition,
  at,
  coeliac,
  lactose,
  menuOf,
} from '../../shared/plan-edits/nutrition-fixtures';

const loaded = loadCatalog(defaultCatalogPath(join(resolve(__dirname, '../../../..'), 'resources')));
const catalog: TrainingEditCatalog = { byId: (id) => loaded.find(id), all: () => loaded.exercises };

const knee = (): TrainingPlanDocument => storedPlans('rodillaLactosa', 'es').training;
const volume = (): TrainingPlanDocument => storedPlans('vegetarianoVolumen', 'es').training;

function edited(plan: TrainingPlanDocument, ...edits: TrainingEdit[]): TrainingPlanDocument {
  return edits.reduce((current, edit) => {
    const result = applyTrainingEdit(current, edit, catalog);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.plan;
  }, plan);
}

/** passed/severity per rule id: what decides the status. */
const outcome = (checks: readonly Pick<AuditCheckResult, 'id' | 'passed' | 'severity'>[]) =>
  Object.fromEntries(checks.map((c) => [c.id, { passed: c.passed, severity: c.severity }]));
const check = (checks: readonly AuditCheckResult[], id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const weeklySets = (plan: TrainingPlanDocument) =>
  (plan.training.safe_sessions as { series_semanales: Record<string, number> }).series_semanales;

describe('reauditTrainingPlan', () => {
  it.each(FIXTURE_PROFILES)(
    'an unedited %s plan re-audits to its stored audit and derived fields',
    (profile, language) => {
      const { training } = storedPlans(profile, language);
      const { plan, audit } = reauditTrainingPlan(training);
      expect(outcome(audit.checks)).toEqual(outcome(training.training.audit.checks));
      expect(audit.status).toBe(training.training.audit.status);
      expect(audit.warnings).toEqual(training.training.audit.warnings);
      expect(audit.recomendaciones).toEqual(training.training.audit.recomendaciones);
      expect(audit.revision).toBe(training.training.audit['revision']);
      expect(plan.training.audit).toEqual(audit);
      expect(weeklySets(plan)).toEqual(weeklySets(training));
      expect(plan.training.bridge_for_nutrition).toEqual(training.training.bridge_for_nutrition);
      expect(plan.training.formatted_plan).toEqual(training.training.formatted_plan);
    },
  );

  it('does not touch the input document', () => {
    const plan = edited(knee(), { type: 'move_session', session: 0, dia: 'jueves' });
    const before = structuredClone(plan);
    const result = reauditTrainingPlan(plan);
    expect(plan).toEqual(before);
    expect(result.plan).not.toBe(plan);
  });

  it('raising chest sets past 30 blocks TRN-06, and the stored weekly sets show the new count', () => {
    const plan = knee();
    const before = weeklySets(plan)['pecho']!;
    // Chest work of the knee plan: press (3 sets) and flyes (2 sets) on Monday and Friday.
    const next = edited(
      plan,
      { type: 'set_prescription', session: 0, exercise: 1, series: 10 },
      { type: 'set_prescription', session: 0, exercise: 4, series: 10 },
      { type: 'set_prescription', session: 2, exercise: 1, series: 10 },
      { type: 'set_prescription', session: 2, exercise: 4, series: 10 },
    );
    // The edit keeps the stored count; the re-audit recomputes it.
    expect(weeklySets(next)['pecho']).toBe(before);
    const { plan: audited, audit } = reauditTrainingPlan(next);
    expect(weeklySets(audited)['pecho']).toBe(before + 30);
    expect(check(audit.checks, 'TRN-06')).toMatchObject({ passed: false, severity: 'block' });
    expect(check(audit.checks, 'TRN-06').reason).toContain('pecho 40');
    expect(audit.status).toBe('bloqueado');
    // The model's review of the generated plan is kept.
    expect(audit.recomendaciones).toEqual(plan.training.audit.recomendaciones);
  });

  it('swapping in an exercise contraindicated by the active knee injury blocks TRN-03', () => {
    const result = applyTrainingEdit(
      knee(),
      { type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'sentadilla_trasera_barra' },
      catalog,
    );
    if (!result.ok) throw new Error('swap refused');
    expect(result.warnings.map((w) => w.code)).toContain('restricted_exercise');
    const { audit } = reauditTrainingPlan(result.plan);
    expect(check(audit.checks, 'TRN-03')).toMatchObject({ passed: false, severity: 'block' });
    expect(check(audit.checks, 'TRN-03').reason).toContain('rodilla');
    expect(audit.status).toBe('bloqueado');
  });

  it('safe edits (sets 3→4, barbell → dumbbell bench press) keep the stored outcome: TRN-15 passes', () => {
    const sets = edited(volume(), { type: 'set_prescription', session: 0, exercise: 0, series: 4 });
    const setsAudit = reauditTrainingPlan(sets).audit;
    expect(check(setsAudit.checks, 'TRN-15').passed).toBe(true);
    expect(setsAudit.status).toBe(volume().training.audit.status);

    const swap = edited(knee(), {
      type: 'swap_exercise',
      session: 0,
      exercise: 1,
      exercise_id: 'press_banca_mancuernas',
    });
    const swapAudit = reauditTrainingPlan(swap).audit;
    expect(outcome(swapAudit.checks)).toEqual(outcome(knee().training.audit.checks));
    expect(swapAudit.status).toBe('aprobado');
  });

  it('moving a session changes the bridge days; E7 notes follow the week instead of blocking TRN-15', () => {
    const plan = knee(); // lunes, miercoles, viernes
    const next = edited(plan, { type: 'move_session', session: 0, dia: 'jueves' });

    // As stored, E7's text still presents Monday and not Thursday: TRN-15 would block a safe move.
    const raw = auditTraining({
      facts: ClientFactsSchema.parse((next.training.client_summary as { perfil: unknown }).perfil),
      capacity: { nivel: 'intermedio' },
      mesocycle: MesocycleSchema.parse(next.training.mesocycle),
      safeSessions: SafeSessionsFieldSchema.parse(next.training.safe_sessions),
      formattedPlan: E7OutputSchema.parse(next.training.formatted_plan),
    });
    expect(check(raw, 'TRN-15')).toMatchObject({ passed: false });

    const { plan: audited, audit } = reauditTrainingPlan(next);
    const bridge = audited.training.bridge_for_nutrition as {
      dias_entrenamiento: string[];
      notas_para_nutricion: string;
    };
    expect(bridge.dias_entrenamiento).toEqual(['miercoles', 'jueves', 'viernes']);
    expect(bridge.notas_para_nutricion).toBe(
      (plan.training.bridge_for_nutrition as { notas_para_nutricion: string }).notas_para_nutricion,
    );
    const formatted = E7OutputSchema.parse(audited.training.formatted_plan);
    expect(formatted.dias.map((d) => d.dia)).toEqual(['miercoles', 'jueves', 'viernes']);
    expect(formatted.dias[1]).toMatchObject({ dia: 'jueves', titulo: 'Sesión A' });
    expect(check(audit.checks, 'TRN-15').passed).toBe(true);
    expect(check(audit.checks, 'REAUDIT')).toMatchObject({ severity: 'info', passed: true });
    expect(check(audit.checks, 'REAUDIT').reason).toContain('lunes');
    expect(audit.status).toBe('aprobado');
  });

  it('a document the audit cannot read gets a REAUDIT block instead of a throw', () => {
    const plan = knee();
    plan.training.mesocycle = { semanas: 'seis' };
    const { plan: audited, audit } = reauditTrainingPlan(plan);
    expect(audit.status).toBe('bloqueado');
    expect(audit.checks).toHaveLength(1);
    expect(audit.checks[0]).toMatchObject({ id: 'REAUDIT', severity: 'block', passed: false });
    expect(audit.checks[0]!.reason).toMatch(
      /^No se pudo volver a auditar el plan editado: .*training\.mesocycle/,
    );
    expect(audited.training.audit).toEqual(audit);
    expect(audit.recomendaciones).toEqual(knee().training.audit.recomendaciones);
  });

  it('prints how long a re-audit takes (measured, not asserted)', () => {
    const plan = edited(knee(), { type: 'set_prescription', session: 1, exercise: 0, series: 4 });
    const start = performance.now();
    const runs = 20;
    for (let i = 0; i < runs; i += 1) reauditTrainingPlan(plan);
    const nutrition = lactose();
    const mid = performance.now();
    for (let i = 0; i < runs; i += 1) reauditNutritionPlan(nutrition);
    const end = performance.now();
    console.log(
      `re-audit: training ${((mid - start) / runs).toFixed(1)} ms, nutrition ${((end - mid) / runs).toFixed(1)} ms`,
    );
    expect(runs).toBe(20);
  });
});

describe('reauditNutritionPlan', () => {
  it.each(FIXTURE_PROFILES)('an unedited %s plan re-audits to its stored audit', (profile, language) => {
    const { nutrition } = storedPlans(profile, language);
    const { plan, audit } = reauditNutritionPlan(nutrition);
    expect(outcome(audit.checks)).toEqual(outcome(nutrition.nutrition.audit.checks));
    expect(audit.status).toBe(nutrition.nutrition.audit.status);
    expect(audit.warnings).toEqual(nutrition.nutrition.audit.warnings);
    expect(plan.nutrition.menu_plan).toEqual(nutrition.nutrition.menu_plan);
  });

  it('a gluten food written into the coeliac client’s menu (past the edit’s refusal) blocks NUT-14', () => {
    const plan = coeliac();
    const before = structuredClone(plan);
    const next = structuredClone(plan);
    const menu = menuOf(next);
    menu.menus[0]!.comidas[1]!.platos[0]!.ingredientes[1] = {
      alimento_id: 'pasta_cruda',
      alimento: 'Pasta, dry, raw',
      cantidad_g: 75,
    };
    next.nutrition.menu_plan = menu;
    const { audit } = reauditNutritionPlan(next);
    expect(check(audit.checks, 'NUT-14')).toMatchObject({ passed: false, severity: 'block' });
    expect(audit.status).toBe('bloqueado');
    expect(plan).toEqual(before);
  });

  it('cutting a day’s grams far below its targets fails the menu totals check (NUT-13) and recomputes totales', () => {
    let plan: NutritionPlanDocument = lactose();
    const day = menuOf(plan).menus.find((d) => d.tipo_dia === at.day_type)!;
    day.comidas.forEach((meal, m) =>
      meal.platos.forEach((dish, d) =>
        dish.ingredientes.forEach((_, i) => {
          plan = appliedNutrition(plan, {
            type: 'set_grams',
            day_type: at.day_type,
            meal: m,
            dish: d,
            item: i,
            grams: 5,
          });
        }),
      ),
    );
    const { plan: audited, audit } = reauditNutritionPlan(plan);
    expect(check(audit.checks, 'NUT-13')).toMatchObject({ passed: false, severity: 'block' });
    expect(audit.status).toBe('bloqueado');
    const totals = menuOf(audited).menus.find((d) => d.tipo_dia === at.day_type)!.totales!;
    expect(totals.kcal).toBeLessThan(day.totales!.kcal / 2);
  });

  it('questionnaire caffeine is an option: it counts towards NUT-17', () => {
    const plan = lactose();
    expect(check(reauditNutritionPlan(plan).audit.checks, 'NUT-17').passed).toBe(true);
    const heavy = reauditNutritionPlan(plan, { cafeina_mg_dia: 900 }).audit;
    expect(check(heavy.checks, 'NUT-17')).toMatchObject({ passed: false, severity: 'block' });
  });

  it('a menu that does not parse gets a REAUDIT block naming the field', () => {
    const plan = lactose();
    plan.nutrition.menu_plan = { menus: 'ninguno' };
    const { audit } = reauditNutritionPlan(plan);
    expect(audit.status).toBe('bloqueado');
    expect(audit.checks.map((c) => c.id)).toEqual(['REAUDIT']);
    expect(audit.checks[0]!.reason).toContain('nutrition.menu_plan');
  });
});

describe('recoverLlmReview', () => {
  const failedWarn: AuditCheckResult = {
    id: 'TRN-05',
    severity: 'warn',
    passed: false,
    reason: 'Sesión larga.',
  };
  const review = {
    revision: 'Plan coherente.',
    warnings: ['TRN-05: Sesión larga.', 'Poca variedad de tracción.'],
    recomendaciones: ['Alterna el agarre.'],
  };

  it('gives back what buildAudit was given: composed check warnings removed once each', () => {
    const audit: PlanAudit = buildAudit([failedWarn], review);
    expect(audit.warnings).toEqual([
      'TRN-05: Sesión larga.',
      'TRN-05: Sesión larga.',
      'Poca variedad de tracción.',
    ]);
    expect(recoverLlmReview(audit)).toEqual(review);
    // Rebuilding with the recovered review reproduces the stored audit.
    expect(buildAudit([failedWarn], recoverLlmReview(audit))).toEqual(audit);
  });

  it('null when the model review was unavailable or the audit holds nothing of it', () => {
    expect(recoverLlmReview(undefined)).toBeNull();
    expect(recoverLlmReview({ status: 'aprobado', checks: [] })).toBeNull();
    const withoutModel = buildAudit([failedWarn], null);
    const recovered = recoverLlmReview(withoutModel);
    expect(buildAudit([failedWarn], recovered)).toEqual(withoutModel);
  });
});
