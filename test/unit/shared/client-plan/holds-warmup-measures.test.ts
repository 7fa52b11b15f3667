import { describe, expect, it } from 'vitest';
import { buildClientPlan, householdMeasure } from '../../../../src/shared/client-plan';
import { isHold } from '../../../../src/shared/client-plan/exercises';
import { storedPlans } from './stored-plans';

/* What a client reads for a plank, a session with no warm-up drills, and a big portion of greens. */

/** The stored plans of a fixture (in their own language), read in `language`. */
const build = (profile: string, planLanguage: 'es' | 'en', language: 'es' | 'en' = planLanguage) =>
  buildClientPlan({ ...storedPlans(profile, planLanguage), client: { name: 'Lucía Peña' }, language });

describe('holds are prescribed in seconds, not repetitions', () => {
  it('the catalog marks the holds, and only them', () => {
    expect(isHold('plancha_frontal')).toBe(true);
    expect(isHold('sentadilla_pared_isometrica')).toBe(true);
    expect(isHold('sentadilla_trasera_barra')).toBe(false);
    expect(isHold('no_existe')).toBe(false);
  });

  it.each(['es', 'en'] as const)(
    'a plank in a session or a warm-up reads as seconds held (%s)',
    (language) => {
      const doc = build('rodillaLactosa', 'es', language);
      const planks = (doc.sessions ?? []).flatMap((session) =>
        session.exercises.filter((e) => /plancha|plank/i.test(e.name)),
      );
      const warmUpPlanks = (doc.sessions ?? []).flatMap((s) =>
        s.warmUp.filter((d) => /plancha|plank/i.test(d.name)),
      );
      expect(planks.length + warmUpPlanks.length).toBeGreaterThan(0);
      for (const plank of planks) {
        expect(plank.setsReps).toMatch(/^\d+ × [\d–]+ s$/);
        expect(plank.effort).not.toMatch(/RIR|repetici|reps?\b/);
      }
      for (const drill of warmUpPlanks) expect(drill.prescription).toMatch(/^\d+ × [\d–]+ s$/);
    },
  );
});

describe('every session starts with a warm-up', () => {
  it.each([
    ['vegetarianoVolumen', 'es'],
    ['celiacaEnCasa', 'en'],
  ] as const)('%s (%s): a plan with no warm-up drills gets the general one', (profile, language) => {
    const doc = build(profile, language);
    for (const session of doc.sessions ?? []) {
      expect(session.warmUp.length).toBeGreaterThanOrEqual(2);
      expect(session.warmUp[0]!.prescription).toMatch(/5–8/);
    }
  });
});

describe('household measures of large portions', () => {
  it('moves to the next larger measure instead of saying nothing', () => {
    expect(householdMeasure('acelgas', 150, 'es')).toBe('1 plato');
    expect(householdMeasure('acelgas', 150, 'en')).toBe('1 plate');
    expect(householdMeasure('espinacas', 60, 'es')).toBe('2 puñados');
    expect(householdMeasure('copos_avena', 60, 'es')).toBe('½ taza');
    expect(householdMeasure('copos_avena', 100, 'es')).toBe('¾ de taza');
    expect(householdMeasure('copos_avena', 100, 'en')).toBe('¾ cup');
  });
});
