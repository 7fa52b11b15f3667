import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTraining } from '@shared/client-plan/read-plans';
import {
  TrainingEditSchema,
  applyTrainingEdit,
  exerciseOptions,
  type TrainingEdit,
  type TrainingEditCatalog,
  type TrainingEditResult,
} from '@shared/plan-edits';
import type { TrainingPlanDocument } from '@shared/plans';
import { defaultCatalogPath, loadCatalog } from '../../../../src/main/pipeline/catalog';
import { storedPlans } from '../client-plan/stored-plans';

const catalogFile = defaultCatalogPath(join(resolve(__dirname, '../../../..'), 'resources'));
const loaded = loadCatalog(catalogFile);
const catalog: TrainingEditCatalog = { byId: (id) => loaded.find(id), all: () => loaded.exercises };

const knee = (): TrainingPlanDocument => storedPlans('rodillaLactosa', 'es').training;
const sessionsOf = (plan: TrainingPlanDocument) => readTraining(plan).sessions;

function applied(plan: TrainingPlanDocument, edit: TrainingEdit) {
  const result = applyTrainingEdit(plan, edit, catalog);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
function refused(result: TrainingEditResult) {
  if (result.ok) throw new Error('expected the edit to be refused');
  return result.errors;
}

describe('applyTrainingEdit: each command', () => {
  it('edits E6 safe_sessions (the week the plan shows) and leaves the input untouched', () => {
    const plan = knee();
    const before = structuredClone(plan);
    const { plan: next, warnings } = applied(plan, {
      type: 'swap_exercise',
      session: 1,
      exercise: 1,
      exercise_id: 'press_banca_mancuernas',
    });
    expect(warnings).toEqual([]);
    expect(plan).toEqual(before);
    expect(next).not.toBe(plan);
    const safe = next.training.safe_sessions as { sesiones: { ejercicios: { ejercicio_id: string }[] }[] };
    expect(safe.sesiones[1]?.ejercicios[1]?.ejercicio_id).toBe('press_banca_mancuernas');
    // The prescription is kept, but not the old exercise's notes; E5's week is not touched.
    expect(sessionsOf(next)[1]?.ejercicios[1]?.series).toBe(sessionsOf(plan)[1]?.ejercicios[1]?.series);
    expect(sessionsOf(next)[1]?.ejercicios[1]?.notas).toBeNull();
    expect(next.training.sessions).toEqual(plan.training.sessions);
  });

  it('set_prescription changes only the given fields (null clears tempo/notas)', () => {
    const plan = knee();
    const original = sessionsOf(plan)[0]!.ejercicios[0]!;
    const { plan: next } = applied(plan, {
      type: 'set_prescription',
      session: 0,
      exercise: 0,
      series: 4,
      reps_min: 8,
      reps_max: 10,
      tempo: '3-1-1-0',
      notas: null,
    });
    expect(sessionsOf(next)[0]!.ejercicios[0]).toEqual({
      ...original,
      series: 4,
      reps_min: 8,
      reps_max: 10,
      tempo: '3-1-1-0',
      notas: null,
    });
  });

  it('add_exercise inserts at `at` (or last), remove_exercise and move_exercise reorder', () => {
    const plan = knee();
    const ids = sessionsOf(plan)[1]!.ejercicios.map((e) => e.ejercicio_id);
    const exercise = { ...sessionsOf(plan)[1]!.ejercicios[0]!, ejercicio_id: 'hip_thrust_mancuerna' };
    const added = applied(plan, { type: 'add_exercise', session: 1, at: 1, prescription: exercise }).plan;
    expect(sessionsOf(added)[1]!.ejercicios.map((e) => e.ejercicio_id)).toEqual([
      ids[0],
      'hip_thrust_mancuerna',
      ...ids.slice(1),
    ]);
    const last = applied(plan, { type: 'add_exercise', session: 1, prescription: exercise }).plan;
    expect(sessionsOf(last)[1]!.ejercicios.at(-1)?.ejercicio_id).toBe('hip_thrust_mancuerna');

    const removed = applied(plan, { type: 'remove_exercise', session: 1, exercise: 0 }).plan;
    expect(sessionsOf(removed)[1]!.ejercicios.map((e) => e.ejercicio_id)).toEqual(ids.slice(1));

    const moved = applied(plan, { type: 'move_exercise', session: 1, from: 0, to: 2 }).plan;
    expect(sessionsOf(moved)[1]!.ejercicios.map((e) => e.ejercicio_id)).toEqual([
      ids[1],
      ids[2],
      ids[0],
      ...ids.slice(3),
    ]);
  });

  it('add_session / move_session keep the week in weekday order; remove_session drops one', () => {
    const plan = knee(); // lunes, miercoles, viernes
    const session = { ...sessionsOf(plan)[0]!, dia: 'martes' as const, nombre: 'Sesión extra' };
    const added = applied(plan, { type: 'add_session', session }).plan;
    expect(sessionsOf(added).map((s) => s.dia)).toEqual(['lunes', 'martes', 'miercoles', 'viernes']);
    expect(sessionsOf(added)[1]!.nombre).toBe('Sesión extra');

    const moved = applied(plan, { type: 'move_session', session: 0, dia: 'jueves' }).plan;
    expect(sessionsOf(moved).map((s) => [s.dia, s.nombre])).toEqual([
      ['miercoles', 'Sesión B'],
      ['jueves', 'Sesión A'],
      ['viernes', 'Sesión C'],
    ]);

    const removed = applied(plan, { type: 'remove_session', session: 1 }).plan;
    expect(sessionsOf(removed).map((s) => s.nombre)).toEqual(['Sesión A', 'Sesión C']);
  });
});

describe('applyTrainingEdit: refusals name the field', () => {
  const fields = (result: TrainingEditResult) => refused(result).map((e) => e.field);

  it('an unknown exercise id', () => {
    const errors = refused(
      applyTrainingEdit(
        knee(),
        { type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'press_inventado' },
        catalog,
      ),
    );
    expect(errors).toEqual([
      {
        field: 'edit.exercise_id',
        code: 'unknown_exercise',
        message: 'edit.exercise_id: «press_inventado» no está en el catálogo de ejercicios',
      },
    ]);
    const session = { ...sessionsOf(knee())[0]!, dia: 'domingo' as const };
    session.ejercicios = [{ ...session.ejercicios[0]!, ejercicio_id: 'nada' }];
    expect(fields(applyTrainingEdit(knee(), { type: 'add_session', session }, catalog))).toEqual([
      'edit.session.ejercicios.0.ejercicio_id',
    ]);
  });

  it('indexes out of range', () => {
    const plan = knee();
    const error = refused(applyTrainingEdit(plan, { type: 'remove_session', session: 3 }, catalog))[0];
    expect(error?.field).toBe('edit.session');
    expect(error?.code).toBe('out_of_range');
    expect(error?.message).toMatch(/^edit\.session: .*índice 3; hay 3/);
    expect(
      fields(applyTrainingEdit(plan, { type: 'remove_exercise', session: 0, exercise: 6 }, catalog)),
    ).toEqual(['edit.exercise']);
    expect(
      fields(applyTrainingEdit(plan, { type: 'move_exercise', session: 0, from: 0, to: 9 }, catalog)),
    ).toEqual(['edit.to']);
  });

  it('a weekday another session already uses', () => {
    const error = refused(
      applyTrainingEdit(knee(), { type: 'move_session', session: 0, dia: 'viernes' }, catalog),
    )[0];
    expect(error).toMatchObject({ field: 'edit.dia', code: 'day_taken' });
    expect(error?.message).toContain('Sesión C');
    const session = { ...sessionsOf(knee())[0]!, dia: 'miercoles' as const };
    expect(fields(applyTrainingEdit(knee(), { type: 'add_session', session }, catalog))).toEqual([
      'edit.session.dia',
    ]);
  });

  it('reps_min above reps_max, also against the stored value', () => {
    const plan = knee(); // exercise 0 of session 0: 6–8 reps
    expect(
      refused(
        applyTrainingEdit(plan, { type: 'set_prescription', session: 0, exercise: 0, reps_min: 10 }, catalog),
      ),
    ).toEqual([
      {
        field: 'edit.reps_min',
        code: 'reps_range',
        message: 'edit.reps_min: reps_min (10) no puede ser mayor que reps_max (8)',
      },
    ]);
    expect(
      fields(
        applyTrainingEdit(plan, { type: 'set_prescription', session: 0, exercise: 0, reps_max: 5 }, catalog),
      ),
    ).toEqual(['edit.reps_max']);
  });

  it('values outside the agent output bounds, and malformed edits, by zod', () => {
    const plan = knee();
    expect(
      fields(
        applyTrainingEdit(plan, { type: 'set_prescription', session: 0, exercise: 0, series: 11 }, catalog),
      ),
    ).toEqual(['edit.series']);
    expect(
      fields(applyTrainingEdit(plan, { type: 'set_prescription', session: 0, exercise: 0 }, catalog)),
    ).toEqual(['edit']);
    expect(fields(applyTrainingEdit(plan, { type: 'rename_everything' }, catalog))).toEqual(['edit.type']);
    expect(TrainingEditSchema.safeParse({ type: 'move_session', session: 0, dia: 'lunes' }).success).toBe(
      true,
    );
  });

  it('a week left without sessions or a session without exercises', () => {
    let plan = knee();
    plan = applied(plan, { type: 'remove_session', session: 0 }).plan;
    plan = applied(plan, { type: 'remove_session', session: 0 }).plan;
    const last = refused(applyTrainingEdit(plan, { type: 'remove_session', session: 0 }, catalog));
    expect(last.map((e) => [e.field, e.code])).toEqual([['edit.session', 'too_small']]);

    let one = knee();
    const count = sessionsOf(one)[1]!.ejercicios.length;
    for (let i = 1; i < count; i++) {
      one = applied(one, { type: 'remove_exercise', session: 1, exercise: 0 }).plan;
    }
    const empty = refused(
      applyTrainingEdit(one, { type: 'remove_exercise', session: 1, exercise: 0 }, catalog),
    );
    expect(empty.map((e) => [e.field, e.code])).toEqual([['edit.session', 'too_small']]);
    expect(empty[0]?.message).toContain('ejercicios');
  });
});

describe('exerciseOptions and contraindicated swaps', () => {
  it('filters by the client equipment and disables deep knee flexion for the knee injury', () => {
    const options = exerciseOptions(knee(), 0, catalog);
    const byId = new Map(options.map((o) => [o.id, o]));
    // rodillaLactosa has no kettlebell, TRX or bands: those exercises are not offered at all.
    expect(byId.has('sentadilla_copa_kettlebell')).toBe(false);
    expect(byId.has('sentadilla_trx')).toBe(false);
    const deep = byId.get('sentadilla_trasera_barra');
    expect(deep).toMatchObject({ allowed: false, name_es: expect.any(String), name_en: expect.any(String) });
    expect(deep?.reason?.es).toContain('rodilla');
    expect(deep?.reason?.es).toContain('Flexión de rodilla por debajo de ~90°');
    expect(deep?.reason?.en).toContain('Knee flexion past ~90°');
    // The injured zone named in each language (the lexicon's labels), not as the code it is stored as.
    expect(deep?.reason?.en).toMatch(/^Contraindicated by the active injury \(knee\)/);
    expect(byId.get('sentadilla_copa_cajon_alto')).toEqual({
      id: 'sentadilla_copa_cajon_alto',
      name_es: loaded.get('sentadilla_copa_cajon_alto').nombre,
      name_en: loaded.get('sentadilla_copa_cajon_alto').name_en,
      allowed: true,
    });
    const deepKnee = loaded.exercises.filter((e) =>
      e.contraindicaciones.includes('flexion_profunda_rodilla'),
    );
    for (const ex of deepKnee) expect(byId.get(ex.id)?.allowed ?? false).toBe(false);
    expect(() => exerciseOptions(knee(), 3, catalog)).toThrow(RangeError);
  });

  it('a client without injuries sees every available exercise allowed', () => {
    const plan = storedPlans('vegetarianoVolumen', 'es').training;
    const options = exerciseOptions(plan, 0, catalog);
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.allowed)).toBe(true);
  });

  it('a swap to a contraindicated exercise is applied but flagged (the re-audit blocks it)', () => {
    const { plan, warnings } = applied(knee(), {
      type: 'swap_exercise',
      session: 0,
      exercise: 0,
      exercise_id: 'sentadilla_trasera_barra',
    });
    expect(sessionsOf(plan)[0]!.ejercicios[0]!.ejercicio_id).toBe('sentadilla_trasera_barra');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'edit.exercise_id', code: 'restricted_exercise' });
    expect(warnings[0]?.message).toContain('lesión activa (rodilla)');
  });

  it('a swap to an exercise needing missing equipment is flagged too', () => {
    const { warnings } = applied(knee(), {
      type: 'swap_exercise',
      session: 1,
      exercise: 1,
      exercise_id: 'peso_muerto_kettlebell',
    });
    expect(warnings.map((w) => w.code)).toContain('missing_equipment');
  });
});
