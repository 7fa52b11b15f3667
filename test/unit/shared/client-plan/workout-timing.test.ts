import { describe, expect, it } from 'vitest';
import { N5OutputSchema } from '../../../../src/shared/agent-outputs/nutrition';
import { buildClientPlan, type ClientPlanDocument } from '../../../../src/shared/client-plan';
import { sessionStart, workoutMeals } from '../../../../src/shared/client-plan/workout-timing';
import { SafeSessionsFieldSchema } from '../../../../src/shared/plan-content';
import { storedPlans, type StoredPlans } from './stored-plans';

/*
 * Issue 15: the meal before and after the session, from the questionnaire's time slot. The stored
 * plans keep no slot, so each case passes one the way a questionnaire could have stated it; none
 * of the wordings below is one the code lists.
 */

const COACH = { name: 'Coach' };

function build(
  plans: Partial<StoredPlans>,
  language: 'es' | 'en',
  trainingSlot?: string | null,
): ClientPlanDocument {
  return buildClientPlan({ ...plans, client: { name: 'Cliente' }, coach: COACH, language, trainingSlot });
}

/** Each menu's labelled meals as "HH:MM label". */
function labelled(doc: ClientPlanDocument): Record<string, string[]> {
  return Object.fromEntries(
    doc.nutrition!.dayTypes.map((t) => [
      t.label,
      t.meals.filter((m) => m.workoutTiming).map((m) => `${m.time} ${m.workoutTiming}`),
    ]),
  );
}

describe('meals around the session', () => {
  it('labels nothing when the questionnaire gives no slot, and keeps the plan’s peri-workout advice', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    for (const slot of [undefined, null, '', 'variable', 'Depende del día']) {
      const doc = build(plans, 'es', slot);
      expect(Object.values(labelled(doc)).flat(), String(slot)).toEqual([]);
      expect(doc.nutrition!.periWorkout).toMatch(/antes de entrenar/);
      const notes = doc.nutrition!.dayTypes.flatMap((t) => t.meals.map((m) => m.note ?? ''));
      expect(notes.join(' ')).not.toMatch(/horas antes de entrenar|siguientes al entrenamiento/);
    }
  });

  it('an afternoon slot puts the meal before the session on training days only, and says when to eat it', () => {
    const doc = build(storedPlans('vegetarianoVolumen', 'es'), 'es', 'tarde');
    expect(labelled(doc)).toEqual({
      'Día de entrenamiento moderado': ['17:30 Antes de entrenar'],
      'Día de descanso': [],
    });
    const merienda = doc.nutrition!.dayTypes[0]!.meals.find((m) => m.time === '17:30')!;
    expect(merienda.note).toBe('Haz esta comida entre 1 y 2 horas antes de entrenar.');
  });

  it('reads a slot written as free text, in either language', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    const morning = {
      'Día de entrenamiento moderado': ['08:00 Antes de entrenar', '11:00 Después de entrenar'],
      'Día de descanso': [],
    };
    expect(labelled(build(plans, 'es', 'Por la mañana, antes de ir a trabajar'))).toEqual(morning);
    expect(labelled(build(plans, 'es', 'Mañanas'))).toEqual(morning);
    expect(labelled(build(plans, 'es', 'In the morning'))).toEqual(morning);
    // A stated hour wins over the part of the day: a session at noon comes after the 11:00 meal.
    expect(labelled(build(plans, 'es', 'Mañana, sobre las 12:00'))['Día de entrenamiento moderado']).toEqual([
      '11:00 Antes de entrenar',
      '14:00 Después de entrenar',
    ]);
  });

  it('does not place an answer that names two parts of the day', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    expect(sessionStart('Tarde-noche')).toBeUndefined();
    expect(sessionStart('mañana o tarde, según turnos')).toBeUndefined();
    expect(Object.values(labelled(build(plans, 'es', 'mañana o tarde'))).flat()).toEqual([]);
  });

  it('words the labels and the advice in English for an English plan', () => {
    const doc = build(storedPlans('celiacaEnCasa', 'en'), 'en', 'mediodia');
    expect(labelled(doc)).toEqual({
      'Moderate training day': ['11:00 Before training', '14:00 After training'],
      'Rest day': [],
    });
    const meals = doc.nutrition!.dayTypes[0]!.meals;
    expect(meals.find((m) => m.time === '11:00')!.note).toBe('Eat this meal 1–2 hours before training.');
    expect(meals.find((m) => m.time === '14:00')!.note).toBe('Eat this meal within 2 hours after training.');
  });

  it('keeps the plan’s own meal note after the timing advice', () => {
    const doc = build(storedPlans('rodillaLactosa', 'es'), 'es', 'manana');
    const breakfast = doc.nutrition!.dayTypes[0]!.meals[0]!;
    expect(breakfast.workoutTiming).toBe('Antes de entrenar');
    expect(breakfast.note).toBe(
      'Haz esta comida entre 1 y 2 horas antes de entrenar. Incluye proteína desde el desayuno.',
    );
  });

  it('labels nothing on a menu that rest days share with training days', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    const safe = SafeSessionsFieldSchema.parse(plans.training.training.safe_sessions);
    // Only Monday trains now; Wednesday and Friday still eat the "moderate" menu.
    const oneDay = { ...safe, sesiones: [safe.sesiones[0]!] };
    const training = { ...plans.training, training: { ...plans.training.training, safe_sessions: oneDay } };
    const doc = build({ ...plans, training }, 'es', 'tarde');
    expect(Object.values(labelled(doc)).flat()).toEqual([]);
  });

  it('labels nothing when no meal falls near the session (a late-night slot after the last meal)', () => {
    const doc = build(storedPlans('mayorLumbarAutorizado', 'es'), 'es', 'noche');
    expect(Object.values(labelled(doc)).flat()).toEqual([]);
  });

  it('does not call a meal the plan names "post-entreno" the one before training', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    const timing = N5OutputSchema.parse(plans.nutrition.nutrition.timing_plan);
    const renamed = {
      ...timing,
      comidas: timing.comidas.map((c, i) => (i === 0 ? { ...c, nombre: 'Post-entreno' } : c)),
    };
    const menu = plans.nutrition.nutrition.menu_plan as { menus: { comidas: { nombre: string }[] }[] };
    const menus = {
      ...menu,
      menus: menu.menus.map((m) => ({
        ...m,
        comidas: m.comidas.map((c, i) => (i === 0 ? { ...c, nombre: 'Post-entreno' } : c)),
      })),
    };
    const nutrition = {
      ...plans.nutrition,
      nutrition: { ...plans.nutrition.nutrition, timing_plan: renamed, menu_plan: menus },
    };
    const doc = build({ ...plans, nutrition }, 'es', 'manana');
    expect(doc.nutrition!.dayTypes[0]!.meals[0]!.workoutTiming).toBeUndefined();
  });
});

describe('workoutMeals', () => {
  it('takes the last meal 30 min to 4 h before the start and the first within 3 h of the end', () => {
    const times = ['07:00', '10:00', '13:30', '17:00', '21:30'];
    expect(workoutMeals(times, 18 * 60, 60)).toEqual({ pre: 3, post: 4 });
    // 17:45 is too close to an 18:00 start to be eaten "1–2 h before".
    expect(workoutMeals(['13:00', '17:45', '20:00'], 18 * 60, 60)).toEqual({ post: 2 });
    expect(workoutMeals(['08:00', undefined, '23:30'], 18 * 60, 60)).toEqual({});
  });
});
