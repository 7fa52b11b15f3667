import { describe, expect, it } from 'vitest';
import { findFoodsInText } from '../../../../src/shared/foods';
import { MenuPlanSchema } from '../../../../src/shared/menu-plan';
import { NutritionProfileSchema, SafeSessionsFieldSchema } from '../../../../src/shared/plan-content';
import type { NutritionPlanDocument, TrainingPlanDocument } from '../../../../src/shared/plans';
import {
  buildClientPlan,
  collectStrings,
  findInternalMarkers,
  householdMeasure,
  type ClientPlanDocument,
} from '../../../../src/shared/client-plan';
import { storedPlans } from './stored-plans';

/*
 * Shapes the builder was not written against: plans with fields missing or renamed, texts with
 * internal words, English wording, labels without a letter. Sections must disappear cleanly.
 */

const COACH = { name: 'Coach' };
const LOGO = 'data:image/png;base64,iVBORw0KGgo=';

function clean(doc: ClientPlanDocument): void {
  const json = JSON.stringify(doc);
  expect(json).not.toMatch(/undefined|null|NaN/);
  expect(collectStrings(doc).flatMap(findInternalMarkers)).toEqual([]);
  expect(collectStrings(doc).every((s) => s.trim().length > 0)).toBe(true);
}

function withTraining(plan: TrainingPlanDocument, patch: Record<string, unknown>): TrainingPlanDocument {
  return { ...plan, training: { ...plan.training, ...patch } };
}

function withNutrition(plan: NutritionPlanDocument, patch: Record<string, unknown>): NutritionPlanDocument {
  return { ...plan, nutrition: { ...plan.nutrition, ...patch } };
}

describe('plans with parts missing', () => {
  const { training, nutrition } = storedPlans('celiacaEnCasa', 'en');

  it('a nutrition-only English plan has no sessions, no mesocycle and no training labels', () => {
    const doc = buildClientPlan({
      nutrition,
      client: { name: 'Lucy' },
      coach: { ...COACH, logo: LOGO },
      language: 'en',
    });
    expect(doc.sessions).toBeUndefined();
    expect(doc.mesocycle).toBeUndefined();
    expect(doc.meta.period).toBeUndefined();
    expect(doc.meta.coach?.logo).toBe(LOGO);
    expect(doc.calendar.map((d) => d.dayName)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(doc.calendar.every((d) => d.trainingLabel === undefined && d.dayTypeLabel !== undefined)).toBe(
      true,
    );
    expect(doc.advice.trainingDayNotes).toEqual([]);
    clean(doc);
  });

  it('a training-only plan has no nutrition and no day types', () => {
    const doc = buildClientPlan({ training, client: { name: 'Lucy' }, coach: COACH, language: 'en' });
    expect(doc.nutrition).toBeUndefined();
    expect(doc.calendar.every((d) => d.dayTypeLabel === undefined)).toBe(true);
    expect(doc.calendar.filter((d) => d.trainingLabel === 'Rest')).toHaveLength(4);
    clean(doc);
  });

  it('empty or unreadable agent fields leave their sections out instead of printing placeholders', () => {
    const doc = buildClientPlan({
      training: withTraining(training, {
        formatted_plan: {},
        mesocycle: { semanas: 'six' },
        client_summary: {},
      }),
      nutrition: withNutrition(nutrition, {
        timing_plan: {},
        adherence_report: { habitos: 3 },
        macro_design: {},
      }),
      client: { name: 'Lucy' },
      coach: COACH,
      language: 'en',
    });
    expect(doc.mesocycle).toBeUndefined();
    expect(doc.advice).toEqual({
      trainingDayNotes: [],
      trainingTips: [],
      habits: [],
      supplements: [],
      strategies: [],
    });
    const stored = MenuPlanSchema.parse(nutrition.nutrition.menu_plan).menus;
    for (const type of doc.nutrition!.dayTypes) {
      // Without the macro design, the targets stored next to the menu are the same numbers.
      const menu = stored.find((m) => m.objetivo && Math.round(m.objetivo.kcal) === type.targets?.kcal);
      expect(menu, type.label).toBeDefined();
      expect(type.meals.every((m) => m.time === undefined)).toBe(true);
    }
    expect(doc.nutrition!.periWorkout).toBeUndefined();
    clean(doc);
  });

  it('refuses to build from nothing', () => {
    expect(() => buildClientPlan({ client: { name: 'x' }, coach: COACH, language: 'es' })).toThrow(TypeError);
  });
});

describe('texts and labels the builder did not write', () => {
  const { training, nutrition } = storedPlans('rodillaLactosa', 'es');

  it('drops a pipeline text that carries a rule id or a code, keeps the clean ones', () => {
    const formatted = {
      titulo: 'Plan',
      introduccion: 'Cumple TRN-06 y el resto de reglas.',
      dias: [{ dia: 'lunes', titulo: 'Sesión A', texto: 'Hoy toca dia_alto.' }],
      consejos: ['Duerme bien.', 'Estado: BLOQUEANTE'],
    };
    const doc = buildClientPlan({
      training: withTraining(training, { formatted_plan: formatted }),
      client: { name: 'Ana' },
      coach: COACH,
      language: 'es',
    });
    expect(doc.advice.trainingIntro).toBeUndefined();
    expect(doc.advice.trainingDayNotes).toEqual([]);
    expect(doc.advice.trainingTips).toEqual(['Duerme bien.']);
    clean(doc);
  });

  it('numbers variants of a label without a letter, and explains tempo and RPE', () => {
    const safe = SafeSessionsFieldSchema.parse(training.training.safe_sessions);
    const [a, b] = safe.sesiones;
    const first = {
      ...a!,
      nombre: 'Pierna',
      ejercicios: a!.ejercicios.map((e) => ({ ...e, tempo: '3-1-1-0', rpe: 7.5 })),
    };
    const second = { ...b!, nombre: 'Pierna' };
    const doc = buildClientPlan({
      training: withTraining(training, { safe_sessions: { ...safe, sesiones: [first, second] } }),
      client: { name: 'Ana' },
      coach: COACH,
      language: 'es',
    });
    expect(doc.sessions!.map((s) => s.title)).toEqual(['Pierna 1', 'Pierna 2']);
    const exercise = doc.sessions![0]!.exercises[0]!;
    expect(exercise.tempo).toBe('3-1-1-0: 3 s bajando, 1 s de pausa abajo, 1 s subiendo y sin pausa arriba');
    expect(exercise.effort).toMatch(/esfuerzo de 7,5 sobre 10$/);
    clean(doc);
  });

  it('never shows a stored menu for a day type the week does not use', () => {
    const menu = MenuPlanSchema.parse(nutrition.nutrition.menu_plan);
    expect(menu.menus.some((m) => m.tipo_dia === 'alto')).toBe(false);
    const withAlto = { ...menu, menus: [...menu.menus, { ...menu.menus[0]!, tipo_dia: 'alto' as const }] };
    const doc = buildClientPlan({
      nutrition: withNutrition(nutrition, { menu_plan: withAlto }),
      client: { name: 'Ana' },
      coach: COACH,
      language: 'es',
    });
    expect(doc.nutrition!.dayTypes.map((t) => t.label)).toEqual([
      'Día de entrenamiento moderado',
      'Día de descanso',
    ]);
    expect(doc.calendar.some((d) => d.dayTypeLabel === 'Día de entrenamiento intenso')).toBe(false);
  });

  it('offers only foods already on the menu when a declared allergy cannot be read', () => {
    const profile = NutritionProfileSchema.parse(nutrition.nutrition.profile);
    const unreadable = {
      ...profile,
      datos: { ...profile.datos, alergias: ['a una cosa que no sé nombrar'] },
    };
    const doc = buildClientPlan({
      nutrition: withNutrition(nutrition, { profile: unreadable }),
      client: { name: 'Ana' },
      coach: COACH,
      language: 'es',
    });
    const menuIds = new Set(
      MenuPlanSchema.parse(nutrition.nutrition.menu_plan).menus.flatMap((m) =>
        m.comidas.flatMap((c) => c.platos.flatMap((p) => p.ingredientes.map((i) => i.alimento_id))),
      ),
    );
    const swaps = doc.nutrition!.dayTypes.flatMap((t) => t.meals.flatMap((m) => m.substitutions));
    for (const text of swaps) {
      for (const food of findFoodsInText(text))
        expect(menuIds.has(food.id), `${food.id} in «${text}»`).toBe(true);
    }
  });
});

describe('householdMeasure', () => {
  it.each([
    ['huevo_crudo', 110, 'es', '2 huevos'],
    ['huevo_crudo', 110, 'en', '2 eggs'],
    ['aceite_oliva_virgen_extra', 14, 'es', '1 cucharada'],
    ['arroz_blanco_cocido', 120, 'es', '¾ de taza'],
    ['arroz_blanco_cocido', 160, 'en', '1 cup'],
    ['proteina_suero', 15, 'es', '½ cacito'],
  ] as const)('%s %i g (%s) → %s', (id, grams, language, expected) => {
    expect(householdMeasure(id, grams, language)).toBe(expected);
  });

  it('says nothing for an unknown food or an amount too small to measure', () => {
    expect(householdMeasure(undefined, 100, 'es')).toBeUndefined();
    expect(householdMeasure('no_existe', 100, 'es')).toBeUndefined();
    expect(householdMeasure('huevo_crudo', 5, 'es')).toBeUndefined();
  });
});
