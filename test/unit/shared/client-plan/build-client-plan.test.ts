import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../resources/exercise-catalog.json';
import { FOODS, findFoodsInText } from '../../../../src/shared/foods';
import { MenuPlanSchema } from '../../../../src/shared/menu-plan';
import {
  NutritionProfileSchema,
  SafeSessionsFieldSchema,
  WeeklyStructureSchema,
} from '../../../../src/shared/plan-content';
import {
  buildClientPlan,
  ClientPlanDocumentSchema,
  collectStrings,
  findInternalMarkers,
  shoppingGrams,
  type ClientPlanDocument,
} from '../../../../src/shared/client-plan';
import { COOKING_YIELDS, SHOPPING_NAMES } from '../../../../src/shared/client-plan/cooking-yields';
import { swapPolicy } from '../../../../src/shared/client-plan/restrictions';
import { FIXTURE_PROFILES, storedPlans, type StoredPlans } from './stored-plans';

/** Each exercise's technique cue, straight from the catalog file (not through the code under test). */
const CATALOG_CUES = new Map(
  (catalogJson as { id: string; tecnica: { es: string; en: string } }[]).map((e) => [e.id, e.tecnica]),
);

const WEEKDAYS = ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'];
const COACH = { name: 'Laura Entrenadora', contact: 'laura@example.com' };
const NAMES: Record<string, string> = {
  rodillaLactosa: 'Ana Martín Ruiz',
  vegetarianoVolumen: 'Carlos Gómez Pérez',
  mayorLumbarAutorizado: 'Pedro Sánchez Gil',
  celiacaEnCasa: 'Lucía Fernández Soto',
};

function build(plans: Partial<StoredPlans>, profile: string, language: 'es' | 'en'): ClientPlanDocument {
  return buildClientPlan({ ...plans, client: { name: NAMES[profile]! }, coach: COACH, language });
}

describe.each(FIXTURE_PROFILES)('client version of %s (%s)', (profile, language) => {
  const plans = storedPlans(profile, language);
  const doc = build(plans, profile, language);
  const sessions = SafeSessionsFieldSchema.parse(plans.training.training.safe_sessions).sesiones;
  const week = WeeklyStructureSchema.parse(plans.nutrition.nutrition.weekly_structure).semana;
  const menus = MenuPlanSchema.parse(plans.nutrition.nutrition.menu_plan).menus;

  it('parses with the schema and names the client', () => {
    expect(ClientPlanDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta.clientName).toBe(NAMES[profile]);
    expect(doc.meta.title).toBe(
      language === 'es' ? 'Tu plan de entrenamiento y nutrición' : 'Your training and nutrition plan',
    );
    expect(doc.meta.coach).toEqual(COACH);
  });

  it('puts each session on the weekday the plan trains it', () => {
    const trainingDays = new Set(sessions.map((s) => WEEKDAYS.indexOf(s.dia)));
    for (const day of doc.calendar) {
      if (trainingDays.has(day.dayIndex)) {
        expect(day.sessionIndex, day.dayName).toBeDefined();
        const session = doc.sessions![day.sessionIndex!]!;
        const stored = sessions.find((s) => WEEKDAYS.indexOf(s.dia) === day.dayIndex)!;
        expect(session.exercises).toHaveLength(stored.ejercicios.length);
        expect(session.days).toContain(day.dayName);
      } else {
        expect(day.sessionIndex, day.dayName).toBeUndefined();
      }
    }
  });

  it('gives each exercise its own technique cue from the catalog, in the plan language', () => {
    let checked = 0;
    for (const day of doc.calendar) {
      if (day.sessionIndex === undefined) continue;
      const session = doc.sessions![day.sessionIndex]!;
      const stored = sessions.find((s) => WEEKDAYS.indexOf(s.dia) === day.dayIndex)!;
      stored.ejercicios.forEach((e, i) => {
        const cue = CATALOG_CUES.get(e.ejercicio_id);
        expect(cue, e.ejercicio_id).toBeDefined();
        expect(session.exercises[i]!.cue, e.ejercicio_id).toBe(cue![language]);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(0);
    // Specific, not one sentence per pattern: a session's exercises do not share one cue.
    for (const session of doc.sessions!) {
      const cues = session.exercises.map((e) => e.cue);
      expect(new Set(cues).size, session.title).toBe(cues.length);
    }
  });

  it('shows only the day types the week uses, on the weekdays that use them', () => {
    const used = new Set(week.map((d) => d.tipo_dia));
    const labels = {
      es: ['Día de entrenamiento intenso', 'Día de entrenamiento moderado', 'Día de descanso'],
      en: ['Hard training day', 'Moderate training day', 'Rest day'],
    }[language];
    const labelOf = { alto: labels[0], medio: labels[1], bajo: labels[2] };
    const shown = new Set(doc.nutrition!.dayTypes.map((t) => t.label));
    expect(shown).toEqual(new Set([...used].map((t) => labelOf[t])));
    for (const d of week) {
      const day = doc.calendar[WEEKDAYS.indexOf(d.dia)]!;
      expect(day.dayTypeLabel).toBe(labelOf[d.tipo_dia]);
      expect(doc.nutrition!.dayTypes[day.dayTypeIndex!]!.label).toBe(labelOf[d.tipo_dia]);
    }
    const total = doc.nutrition!.dayTypes.reduce((sum, t) => sum + t.daysPerWeek, 0);
    expect(total).toBe(7);
  });

  it('gives every meal a time', () => {
    for (const type of doc.nutrition!.dayTypes) {
      for (const meal of type.meals) expect(meal.time, meal.name).toMatch(/^\d{2}:\d{2}$/);
    }
  });

  it('lists the week’s sum of every food in the shopping list, cooked foods as their raw form', () => {
    const expected = new Map<string, number>();
    for (const d of week) {
      const menu = menus.find((m) => m.tipo_dia === d.tipo_dia)!;
      for (const meal of menu.comidas)
        for (const dish of meal.platos)
          for (const i of dish.ingredientes) {
            const cooked = COOKING_YIELDS[i.alimento_id!];
            const id = cooked?.rawId ?? i.alimento_id!;
            expected.set(id, (expected.get(id) ?? 0) + i.cantidad_g * (cooked?.factor ?? 1));
          }
    }
    const listed = new Map(doc.nutrition!.shoppingList.flatMap((g) => g.items.map((i) => [i.name, i.grams])));
    expect(listed.size).toBe(expected.size);
    for (const [id, grams] of expected) {
      const name = SHOPPING_NAMES[id]?.[language] ?? FOODS.find((f) => f.id === id)!.name[language];
      expect(listed.get(name), name).toBe(shoppingGrams(grams));
      expect(listed.get(name)! - grams).toBeGreaterThanOrEqual(0);
    }
  });

  it('never offers a swap the client’s restrictions exclude', () => {
    const facts = NutritionProfileSchema.parse(plans.nutrition.nutrition.profile).datos;
    const policy = swapPolicy(facts);
    const swaps = doc.nutrition!.dayTypes.flatMap((t) => t.meals.flatMap((m) => m.substitutions));
    expect(swaps.length).toBeGreaterThan(0);
    for (const text of [...swaps, ...doc.nutrition!.equivalences]) {
      for (const food of findFoodsInText(text))
        expect(policy.allows(food), `${food.id} in «${text}»`).toBe(true);
    }
  });

  it('contains no internal marker in any string', () => {
    const found = collectStrings(doc).flatMap((text) =>
      findInternalMarkers(text).map((m) => `${m} in «${text}»`),
    );
    expect(found).toEqual([]);
  });

  it('is deterministic', () => {
    expect(build(storedPlans(profile, language), profile, language)).toEqual(doc);
  });
});

describe('restrictions in the swaps', () => {
  it('the lactose-intolerant client is never offered dairy with lactose; the celiac client never gluten', () => {
    for (const [profile, language, group] of [
      ['rodillaLactosa', 'es', 'lactosa'],
      ['celiacaEnCasa', 'en', 'gluten'],
      ['vegetarianoVolumen', 'es', 'carne'],
    ] as const) {
      const doc = build(storedPlans(profile, language), profile, language);
      const texts = doc.nutrition!.dayTypes.flatMap((t) => t.meals.flatMap((m) => m.substitutions));
      const excluded = FOODS.filter((f) => f.groups.includes(group));
      expect(excluded.length).toBeGreaterThan(0);
      for (const text of [...texts, ...doc.nutrition!.equivalences]) {
        for (const food of findFoodsInText(text))
          expect(food.groups, `${food.id} in «${text}»`).not.toContain(group);
      }
    }
  });
});

describe('session variants', () => {
  it('names two different sessions that share a label A1 and A2, and one repeated session once', () => {
    const doc = build(storedPlans('vegetarianoVolumen', 'es'), 'vegetarianoVolumen', 'es');
    const titles = doc.sessions!.map((s) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Sesión A1', 'Sesión A2', 'Sesión B1', 'Sesión B2', 'Sesión C']),
    );
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('keeps one session for the same label and exercises on two days', () => {
    const plans = storedPlans('rodillaLactosa', 'es');
    const safe = SafeSessionsFieldSchema.parse(plans.training.training.safe_sessions);
    const monday = safe.sesiones[0]!;
    const twice = { ...safe, sesiones: [monday, { ...monday, dia: 'jueves' as const }] };
    const training = { ...plans.training, training: { ...plans.training.training, safe_sessions: twice } };
    const doc = build({ training }, 'rodillaLactosa', 'es');
    expect(doc.sessions).toHaveLength(1);
    expect(doc.sessions![0]!.title).toBe(monday.nombre);
    expect(doc.sessions![0]!.days).toEqual(['Lunes', 'Jueves']);
    expect(doc.calendar[3]!.sessionIndex).toBe(0);
  });
});
