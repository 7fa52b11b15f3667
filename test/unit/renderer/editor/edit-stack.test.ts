import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTraining } from '@shared/client-plan/read-plans';
import { applyTrainingEdit, type TrainingEdit, type TrainingEditCatalog } from '@shared/plan-edits';
import type { TrainingPlanDocument } from '@shared/plans';
import { defaultCatalogPath, loadCatalog } from '../../../../src/main/pipeline/catalog';
import {
  applyAll,
  coalesce,
  editField,
  pushEdit,
  warnedExerciseIds,
} from '../../../../src/renderer/src/editor/edit-stack';
import { editCatalog } from '../../../../src/renderer/src/editor/catalog';
import { storedPlans } from '../../shared/client-plan/stored-plans';

const loaded = loadCatalog(defaultCatalogPath(join(resolve(__dirname, '../../../..'), 'resources')));
const catalog: TrainingEditCatalog = editCatalog(loaded.exercises);
const knee = (): TrainingPlanDocument => storedPlans('rodillaLactosa', 'es').training;
const apply = (plan: TrainingPlanDocument, edit: TrainingEdit) => applyTrainingEdit(plan, edit, catalog);

describe('pushEdit / coalesce: typing is one edit', () => {
  it('merges prescription changes of the same exercise, keeps others apart', () => {
    let edits: TrainingEdit[] = [];
    edits = pushEdit(edits, { type: 'set_prescription', session: 0, exercise: 1, series: 1 });
    edits = pushEdit(edits, { type: 'set_prescription', session: 0, exercise: 1, series: 4, rir: 1 });
    expect(edits).toEqual([{ type: 'set_prescription', session: 0, exercise: 1, series: 4, rir: 1 }]);
    edits = pushEdit(edits, { type: 'set_prescription', session: 0, exercise: 2, series: 2 });
    edits = pushEdit(edits, { type: 'swap_exercise', session: 0, exercise: 2, exercise_id: 'x' });
    edits = pushEdit(edits, { type: 'swap_exercise', session: 0, exercise: 2, exercise_id: 'y' });
    expect(edits.map((e) => e.type)).toEqual([
      'set_prescription',
      'set_prescription',
      'swap_exercise',
      'swap_exercise',
    ]);
  });

  it('new grams of one ingredient replace the last; a meal time replaces the last time of that meal', () => {
    const item = { day_type: 'alto', meal: 0, dish: 0, item: 1 } as const;
    expect(
      coalesce({ type: 'set_grams', ...item, grams: 1 }, { type: 'set_grams', ...item, grams: 120 }),
    ).toEqual({
      type: 'set_grams',
      ...item,
      grams: 120,
    });
    expect(
      coalesce({ type: 'set_grams', ...item, grams: 1 }, { type: 'set_grams', ...item, item: 2, grams: 120 }),
    ).toBeNull();
    const meal = { day_type: 'bajo', meal: 2 } as const;
    expect(
      coalesce(
        { type: 'move_meal', ...meal, hora: '13:0' as string },
        { type: 'move_meal', ...meal, hora: '13:30' },
      ),
    ).toEqual({ type: 'move_meal', ...meal, hora: '13:30' });
    expect(
      coalesce({ type: 'move_meal', ...meal, to: 0 }, { type: 'move_meal', ...meal, hora: '13:30' }),
    ).toBeNull();
  });
});

describe('applyAll', () => {
  it('applies the edits in order with their warnings, stops at the first that fails', () => {
    const plan = knee();
    const first = readTraining(plan).sessions[0]!;
    const {
      plan: edited,
      warnings,
      failed,
    } = applyAll(
      plan,
      [
        { type: 'set_prescription', session: 0, exercise: 0, series: 4 },
        { type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'sentadilla_trasera_barra' },
      ] satisfies TrainingEdit[],
      apply,
    );
    expect(failed).toBeUndefined();
    const item = readTraining(edited).sessions[0]!.ejercicios[0]!;
    expect(item).toMatchObject({ ejercicio_id: 'sentadilla_trasera_barra', series: 4 });
    expect(warnings[0]).toEqual([]);
    expect(warnings[1]?.map((w) => w.code)).toContain('restricted_exercise');
    expect(readTraining(plan).sessions[0]).toEqual(first);

    const stopped = applyAll(
      plan,
      [
        { type: 'set_prescription', session: 0, exercise: 0, series: 5 },
        { type: 'remove_session', session: 42 },
        { type: 'set_prescription', session: 0, exercise: 0, series: 2 },
      ] satisfies TrainingEdit[],
      apply,
    );
    expect(stopped.failed?.index).toBe(1);
    expect(readTraining(stopped.plan).sessions[0]!.ejercicios[0]!.series).toBe(5);
  });
});

describe('host field names and warned exercises', () => {
  it('reads edits.N.field', () => {
    expect(editField('edits.3.exercise_id')).toEqual({ index: 3, field: 'exercise_id' });
    expect(editField('edits.0')).toEqual({ index: 0, field: '' });
    expect(editField('base_version')).toBeUndefined();
  });

  it('names the exercises swapped or added by edits with warnings, local or from the host', () => {
    const edits: TrainingEdit[] = [
      { type: 'swap_exercise', session: 0, exercise: 0, exercise_id: 'a' },
      { type: 'swap_exercise', session: 0, exercise: 1, exercise_id: 'b' },
      {
        type: 'add_exercise',
        session: 1,
        prescription: {
          ejercicio_id: 'c',
          series: 3,
          reps_min: 8,
          reps_max: 12,
          rir: 2,
          rpe: null,
          descanso_seg: 90,
          tempo: null,
          notas: null,
        },
      },
    ];
    const warning = { field: 'edit.exercise_id', code: 'restricted_exercise', message: '…' };
    expect([...warnedExerciseIds(edits, [[warning], [], []])]).toEqual(['a']);
    expect([
      ...warnedExerciseIds(edits, [[], [], []], [{ ...warning, field: 'edits.2.prescription.ejercicio_id' }]),
    ]).toEqual(['c']);
  });
});
