import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTraining } from '@shared/client-plan/read-plans';
import { foodName } from '@shared/foods';
import {
  PlanChangeSchema,
  applyTrainingEdit,
  diffNutritionPlans,
  diffTrainingPlans,
  type NutritionEdit,
  type PlanChange,
  type TrainingEdit,
  type TrainingEditCatalog,
} from '@shared/plan-edits';
import type { TrainingPlanDocument } from '@shared/plans';
import { defaultCatalogPath, loadCatalog } from '../../../../src/main/pipeline/catalog';
import { storedPlans } from '../client-plan/stored-plans';
import { applied, at, coeliac, lactose } from './nutrition-fixtures';

const loaded = loadCatalog(defaultCatalogPath(join(resolve(__dirname, '../../../..'), 'resources')));
const catalog: TrainingEditCatalog = { byId: (id) => loaded.find(id), all: () => loaded.exercises };
const knee = (): TrainingPlanDocument => storedPlans('rodillaLactosa', 'es').training;

const es = (id: string) => catalog.byId(id)!.nombre;
const en = (id: string) => catalog.byId(id)!.name_en;

/** The plan after each edit in turn (v1 + edits = the next versions). */
function edited(plan: TrainingPlanDocument, ...edits: TrainingEdit[]): TrainingPlanDocument {
  return edits.reduce((current, edit) => {
    const result = applyTrainingEdit(current, edit, catalog);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.plan;
  }, plan);
}
const editedMenu = (plan: ReturnType<typeof lactose>, ...edits: NutritionEdit[]) =>
  edits.reduce(applied, plan);

const codes = (changes: PlanChange[]) => changes.map((c) => c.code);
const texts = (changes: PlanChange[], lang: 'es' | 'en') => changes.map((c) => c.text[lang]);
const sessionA = { index: 0, dia: 'lunes', nombre: 'Sesión A' } as const;

describe('diffTrainingPlans', () => {
  it('the same document, or a copy of it, has no changes', () => {
    const plan = knee();
    expect(diffTrainingPlans(plan, plan, catalog)).toEqual([]);
    expect(diffTrainingPlans(plan, structuredClone(plan), catalog)).toEqual([]);
  });

  it('a swap is one line naming both exercises, the day, the session and the position', () => {
    const v1 = knee();
    const v2 = edited(v1, {
      type: 'swap_exercise',
      session: 0,
      exercise: 1,
      exercise_id: 'press_banca_mancuernas',
    });
    expect(diffTrainingPlans(v1, v2, catalog)).toEqual([
      {
        code: 'exercise_swapped',
        session: sessionA,
        exercise: { index: 1, id: 'press_banca_mancuernas' },
        before: es('press_banca_barra'),
        after: es('press_banca_mancuernas'),
        text: {
          es: `${es('press_banca_barra')} → ${es('press_banca_mancuernas')} (lunes, Sesión A, ejercicio 2)`,
          en: `${en('press_banca_barra')} → ${en('press_banca_mancuernas')} (Monday, Sesión A, exercise 2)`,
        },
      },
    ]);
  });

  it('sets 3 → 4 is one prescription change, in both languages', () => {
    const v1 = knee();
    const v2 = edited(v1, { type: 'set_prescription', session: 0, exercise: 0, series: 4 });
    const [change, ...rest] = diffTrainingPlans(v1, v2, catalog);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      code: 'prescription_changed',
      field: 'series',
      before: '3',
      after: '4',
      session: sessionA,
      exercise: { index: 0, id: 'sentadilla_caja_alta_barra' },
    });
    expect(change?.text.es).toBe(
      `${es('sentadilla_caja_alta_barra')}: series 3 → 4 (lunes, Sesión A, ejercicio 1)`,
    );
    expect(change?.text.en).toBe(
      `${en('sentadilla_caja_alta_barra')}: sets 3 → 4 (Monday, Sesión A, exercise 1)`,
    );
  });

  it('an exercise added in the middle is exactly one change, not a swap at every later slot', () => {
    const v1 = knee();
    const prescription = {
      ...readTraining(v1).sessions[1]!.ejercicios[0]!,
      ejercicio_id: 'hip_thrust_mancuerna',
    };
    const v2 = edited(v1, { type: 'add_exercise', session: 1, at: 1, prescription });
    const changes = diffTrainingPlans(v1, v2, catalog);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      code: 'exercise_added',
      session: { index: 1, dia: 'miercoles', nombre: 'Sesión B' },
      exercise: { index: 1, id: 'hip_thrust_mancuerna' },
      before: null,
      after: es('hip_thrust_mancuerna'),
    });
    expect(changes[0]?.text.es).toContain(es('hip_thrust_mancuerna'));
    expect(changes[0]?.text.en).toContain(en('hip_thrust_mancuerna'));
  });

  it('a removed exercise and a reordered one are one change each', () => {
    const v1 = knee();
    const removed = diffTrainingPlans(
      v1,
      edited(v1, { type: 'remove_exercise', session: 1, exercise: 0 }),
      catalog,
    );
    expect(removed).toEqual([
      expect.objectContaining({
        code: 'exercise_removed',
        exercise: { index: 0, id: 'peso_muerto_sumo_barra' },
        before: es('peso_muerto_sumo_barra'),
        after: null,
      }),
    ]);
    const moved = diffTrainingPlans(
      v1,
      edited(v1, { type: 'move_exercise', session: 1, from: 0, to: 2 }),
      catalog,
    );
    expect(moved).toEqual([
      expect.objectContaining({
        code: 'exercise_moved',
        exercise: { index: 2, id: 'peso_muerto_sumo_barra' },
        before: '1',
        after: '3',
      }),
    ]);
    expect(moved[0]?.text.es).toBe(
      `${es('peso_muerto_sumo_barra')} pasa de la posición 1 a la 3 (miércoles, Sesión B)`,
    );
  });

  it('a session moved to another day is one change, though its index changed', () => {
    const v1 = knee();
    const v2 = edited(v1, { type: 'move_session', session: 1, dia: 'jueves' });
    expect(diffTrainingPlans(v1, v2, catalog)).toEqual([
      {
        code: 'session_moved',
        session: { index: 1, dia: 'jueves', nombre: 'Sesión B' },
        before: 'miercoles',
        after: 'jueves',
        text: {
          es: 'Sesión B movida de miércoles a jueves',
          en: 'Sesión B moved from Wednesday to Thursday',
        },
      },
    ]);
    // Moving Monday's session past Wednesday's reorders the week: still one change.
    const v3 = edited(v1, { type: 'move_session', session: 0, dia: 'jueves' });
    expect(codes(diffTrainingPlans(v1, v3, catalog))).toEqual(['session_moved']);
  });

  it('several edits at once between v1 and v3, in plan order; every change fits the schema', () => {
    const v1 = knee();
    const v2 = edited(v1, {
      type: 'swap_exercise',
      session: 2,
      exercise: 0,
      exercise_id: 'sentadilla_copa_mancuerna',
    });
    const v3 = edited(
      v2,
      { type: 'set_prescription', session: 0, exercise: 0, series: 4 },
      { type: 'move_session', session: 0, dia: 'martes' },
      { type: 'remove_exercise', session: 1, exercise: 4 },
    );
    const changes = diffTrainingPlans(v1, v3, catalog);
    expect(codes(changes)).toEqual([
      'session_moved',
      'prescription_changed',
      'exercise_removed',
      'exercise_swapped',
    ]);
    expect(texts(changes, 'es')[0]).toBe('Sesión A movida de lunes a martes');
    expect(texts(changes, 'es')[1]).toContain('series 3 → 4 (martes, Sesión A');
    expect(texts(changes, 'en')[3]).toContain(en('sentadilla_copa_mancuerna'));
    for (const change of changes) expect(PlanChangeSchema.parse(change)).toEqual(change);
    // The diff between consecutive versions is only the later edits.
    expect(codes(diffTrainingPlans(v2, v3, catalog))).toEqual([
      'session_moved',
      'prescription_changed',
      'exercise_removed',
    ]);
  });

  it('a regenerated agent field is one coarse line; the audit status one line; code-derived fields none', () => {
    const v1 = knee();
    const v2 = structuredClone(v1);
    v2.training.mesocycle = { ...v2.training.mesocycle, phases: [] };
    v2.training.audit = { ...v2.training.audit, status: 'bloqueado', checks: [] };
    (v2.training.safe_sessions as { series_semanales: object }).series_semanales = {};
    v2.training.bridge_for_nutrition = { ...v2.training.bridge_for_nutrition, minutos_semana: 1 };
    expect(diffTrainingPlans(v1, v2, catalog)).toEqual([
      {
        code: 'field_changed',
        field: 'mesocycle',
        before: null,
        after: null,
        text: { es: 'Mesociclo (E4) cambiado', en: 'Mesocycle (E4) changed' },
      },
      {
        code: 'audit_status_changed',
        field: 'audit',
        before: 'aprobado',
        after: 'bloqueado',
        text: { es: 'Auditoría: aprobado → bloqueado', en: 'Audit: approved → blocked' },
      },
    ]);
  });
});

describe('diffNutritionPlans', () => {
  const atun = (lang: 'es' | 'en') => foodName('atun_crudo', lang);
  const pollo = (lang: 'es' | 'en') => foodName('pollo_pechuga_cruda', lang);
  const comida = { day_type: 'medio', meal: { index: 1, nombre: 'Comida' } } as const;

  it('the same document, or a copy of it, has no changes', () => {
    const plan = lactose();
    expect(diffNutritionPlans(plan, plan)).toEqual([]);
    expect(diffNutritionPlans(plan, structuredClone(plan))).toEqual([]);
  });

  it('a food replaced: one line with both foods and grams, named from the food table', () => {
    const v1 = lactose();
    const v2 = editedMenu(v1, { type: 'replace_food', ...at, food_id: 'pollo_pechuga_cruda', grams: 150 });
    expect(diffNutritionPlans(v1, v2)).toEqual([
      {
        code: 'food_replaced',
        ...comida,
        dish: { index: 0, nombre: 'Comida de día medio' },
        ingredient: { index: 0, id: 'pollo_pechuga_cruda' },
        before: `${atun('es')} 123 g`,
        after: `${pollo('es')} 150 g`,
        text: {
          es: `Comida (día medio): ${atun('es')} 123 g → ${pollo('es')} 150 g`,
          en: `Comida (medium day): ${atun('en')} 123 g → ${pollo('en')} 150 g`,
        },
      },
    ]);
  });

  it('grams changed, a food added and one removed', () => {
    const v1 = lactose();
    const grams = diffNutritionPlans(v1, editedMenu(v1, { type: 'set_grams', ...at, grams: 200 }));
    expect(grams).toEqual([
      expect.objectContaining({ code: 'grams_changed', ...comida, before: '123 g', after: '200 g' }),
    ]);
    expect(grams[0]?.text.es).toBe(`Comida (día medio): ${atun('es')} 123 g → 200 g`);

    const added = editedMenu(v1, {
      type: 'add_food',
      day_type: 'medio',
      meal: 1,
      dish: 0,
      food_id: 'manzana',
      grams: 150,
    });
    expect(diffNutritionPlans(v1, added)).toEqual([
      expect.objectContaining({ code: 'food_added', ingredient: { index: 4, id: 'manzana' }, before: null }),
    ]);
    const removed = diffNutritionPlans(v1, editedMenu(v1, { type: 'remove_food', ...at, item: 1 }));
    expect(removed).toEqual([
      expect.objectContaining({
        code: 'food_removed',
        ingredient: { index: 1, id: 'arroz_blanco_crudo' },
        after: null,
      }),
    ]);
  });

  it('a meal time changed (N5) and a meal moved are one line each', () => {
    const v1 = lactose();
    const time = diffNutritionPlans(
      v1,
      editedMenu(v1, { type: 'move_meal', day_type: 'medio', meal: 1, hora: '14:30' }),
    );
    expect(time).toEqual([
      {
        code: 'meal_time_changed',
        meal: { index: 1, nombre: 'Comida' },
        before: '11:00',
        after: '14:30',
        text: { es: 'Comida pasa a las 14:30 (antes 11:00)', en: 'Comida moved to 14:30 (was 11:00)' },
      },
    ]);
    const moved = diffNutritionPlans(
      v1,
      editedMenu(v1, { type: 'move_meal', day_type: 'medio', meal: 1, to: 2 }),
    );
    expect(moved).toEqual([
      expect.objectContaining({
        code: 'meal_moved',
        day_type: 'medio',
        meal: { index: 2, nombre: 'Comida' },
        before: '2',
        after: '3',
      }),
    ]);
  });

  it('several edits between v1 and v3, in plan order (times before menus, medio before bajo)', () => {
    const v1 = lactose();
    const v2 = editedMenu(v1, { type: 'set_grams', day_type: 'bajo', meal: 0, dish: 0, item: 1, grams: 50 });
    const v3 = editedMenu(
      v2,
      { type: 'replace_food', ...at, food_id: 'pollo_pechuga_cruda', grams: 150 },
      { type: 'move_meal', day_type: 'medio', meal: 3, hora: '21:00' },
    );
    const changes = diffNutritionPlans(v1, v3);
    expect(codes(changes)).toEqual(['meal_time_changed', 'food_replaced', 'grams_changed']);
    expect(changes[2]).toMatchObject({ day_type: 'bajo', before: '35 g', after: '50 g' });
    for (const change of changes) expect(PlanChangeSchema.parse(change)).toEqual(change);
  });

  it('a regenerated field (N4 rewritten wholesale) is one field_changed line', () => {
    const v1 = lactose();
    const v2 = structuredClone(v1);
    v2.nutrition.weekly_structure = { semana: [], explicacion: 'Regenerado.' };
    expect(diffNutritionPlans(v1, v2)).toEqual([
      {
        code: 'field_changed',
        field: 'weekly_structure',
        before: null,
        after: null,
        text: { es: 'Estructura semanal (N4) cambiada', en: 'Weekly structure (N4) changed' },
      },
    ]);
  });

  it('an English plan names its foods from the table in both languages', () => {
    const v1 = coeliac();
    const v2 = editedMenu(v1, { type: 'replace_food', ...at, food_id: 'pollo_pechuga_cruda', grams: 150 });
    const [change] = diffNutritionPlans(v1, v2);
    expect(change?.text.en).toBe(`Comida (medium day): ${atun('en')} 50 g → ${pollo('en')} 150 g`);
    expect(change?.text.es).toContain(pollo('es'));
    expect(change?.after).toBe(`${pollo('en')} 150 g`);
  });
});
