import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/main/db/repositories';
import { findExercise } from '../../../src/main/pipeline/catalog';
import {
  ClientSummarySchema,
  SafeSessionsFieldSchema,
  BridgeSchema,
  NutritionProfileSchema,
  MetabolismSchema,
  EnergyStrategySchema,
  MacroDesignSchema,
  WeeklyStructureSchema,
  AuditResultSchema,
  type AuditResult,
  type SafeSessionsField,
} from '../../../src/shared/plan-content';
import {
  E2OutputSchema,
  E3OutputSchema,
  E4OutputSchema,
  E7OutputSchema,
} from '../../../src/shared/agent-outputs/training';
import { N5OutputSchema, N7OutputSchema } from '../../../src/shared/agent-outputs/nutrition';
import { foodById } from '../../../src/shared/foods';
import { MenuPlanSchema, type MenuPlan } from '../../../src/shared/menu-plan';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

// The real pipeline, the real `openai` SDK over HTTP to the fake server, the real MongoDB wire server.
const testDb = useTestDatabase();
const llm = new FakeLlmServer();
beforeAll(() => llm.start());
afterAll(() => llm.stop());

/** The table groups of every ingredient: the menu names foods by id, so the groups are certain. */
const ingredientGroups = (menu: MenuPlan): Set<string> =>
  new Set(
    menu.menus.flatMap((m) =>
      m.comidas.flatMap((c) =>
        c.platos.flatMap((p) =>
          p.ingredientes.flatMap((i) => foodById(i.alimento_id ?? '')?.groups ?? ['?']),
        ),
      ),
    ),
  );
const exercises = (safe: SafeSessionsField) =>
  safe.sesiones.flatMap((s) => s.ejercicios.map((e) => findExercise(e.ejercicio_id)!));
const blockingFailures = (audit: AuditResult) =>
  audit.checks.filter((c) => c.severity === 'block' && !c.passed);

describe.each(Object.keys(PROFILES))('full plan for profile %s', (profile) => {
  it('completes with every field in shape, no blocking audit failure, and respects the client', async () => {
    const responses = PROFILES[profile]!;
    llm.requests.length = 0;
    const { jobId, submissionId } = await createSubmissionAndJob(testDb.db, responses, 'full');
    const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
    expect(job.error_message).toBeNull();
    expect(job.status).toBe('completed');
    expect(job.progress).toMatchObject({ completed_steps: 18, total_steps: 18, percentage: 100 });
    expect(Object.keys(job.token_usage.by_agent).sort()).toHaveLength(18);
    // Every LLM agent's schema round-trips through the fake: one request each, valid at the first
    // try (E9 is written by code).
    expect(llm.requests.map((r) => r.agent).sort()).toEqual([
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'E7',
      'E8',

      'N0',
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'N6',
      'N7',
      'N8',
    ]);
    expect(llm.requests.filter((r) => r.repair)).toEqual([]);

    const repos = createRepositories(testDb.db);
    const training = (await repos.trainingPlans.get(job.result.training_plan_id!))!.training;
    const nutrition = (await repos.nutritionPlans.get(job.result.nutrition_plan_id!))!.nutrition;
    // Every stored field has the shape the audits and the UI read.
    ClientSummarySchema.parse(training.client_summary);
    E2OutputSchema.parse(training.capacity);
    E3OutputSchema.parse(training.adaptation);
    E4OutputSchema.parse(training.mesocycle);
    const safe = SafeSessionsFieldSchema.parse(training.safe_sessions);
    E7OutputSchema.parse(training.formatted_plan);
    const trainingAudit = AuditResultSchema.parse(training.audit);
    BridgeSchema.parse(training.bridge_for_nutrition);
    const nutritionProfile = NutritionProfileSchema.parse(nutrition.profile);
    MetabolismSchema.parse(nutrition.metabolism);
    EnergyStrategySchema.parse(nutrition.energy_strategy);
    MacroDesignSchema.parse(nutrition.macro_design);
    WeeklyStructureSchema.parse(nutrition.weekly_structure);
    N5OutputSchema.parse(nutrition.timing_plan);
    const menu = MenuPlanSchema.parse(nutrition.menu_plan);
    N7OutputSchema.parse(nutrition.adherence_report);
    const nutritionAudit = AuditResultSchema.parse(nutrition.audit);

    expect(blockingFailures(trainingAudit)).toEqual([]);
    expect(blockingFailures(nutritionAudit)).toEqual([]);
    expect(trainingAudit.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['TRN-01', 'TRN-03', 'TRN-06']),
    );
    expect(nutritionAudit.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['NUT-01', 'NUT-05', 'NUT-13', 'NUT-14']),
    );

    // The client's own restrictions hold in the plan itself, not only in the audit.
    const perfil = ClientSummarySchema.parse(training.client_summary).perfil;
    for (const exercise of exercises(safe)) {
      expect(exercise.contraindicaciones.filter((t) => perfil.tags_contraindicados.includes(t))).toEqual([]);
      expect(exercise.material.every((m) => m === 'ninguno' || perfil.material.includes(m))).toBe(true);
    }
    expect(safe.sesiones.length).toBeLessThanOrEqual(perfil.dias_disponibles);
    const groups = ingredientGroups(menu);
    expect(groups.has('?'), 'every ingredient is a table food').toBe(false);
    const datos = nutritionProfile.datos;
    if (datos.intolerancias.includes('lactosa')) expect(groups.has('lactosa')).toBe(false);
    if (datos.alergias.includes('gluten')) expect(groups.has('gluten')).toBe(false);
    if (['ovolactovegetariano', 'vegano'].includes(datos.patron_alimentario)) {
      expect(groups.has('carne')).toBe(false);
      expect(groups.has('pescado')).toBe(false);
    }
    if (datos.patron_alimentario === 'vegano') {
      for (const group of ['huevo', 'leche', 'miel']) expect(groups.has(group), group).toBe(false);
    }
    // The menus were fitted to the day types the week uses, with totals the audit recomputed.
    const weekTypes = new Set(
      WeeklyStructureSchema.parse(nutrition.weekly_structure).semana.map((d) => d.tipo_dia),
    );
    expect(new Set(menu.menus.map((m) => m.tipo_dia))).toEqual(weekTypes);
    expect(nutritionAudit.checks.find((c) => c.id === 'NUT-13')?.severity).toBe('block');
    expect((await repos.submissions.get(submissionId))?.plan_generated).toBe(true);
  });
});
