import type { z } from 'zod';
import type { PrescribedExercise, Session } from '../agent-outputs/training';
import type { FieldError } from '../field-error';
import type { TrainingPlanDocument } from '../plans';
import { SPANISH_ZOD_ERRORS } from '../zod-field-errors';
import { TrainingEditSchema, type TrainingEdit } from './training-edit-schema';
import {
  clientConstraintsOf,
  exerciseRestriction,
  missingEquipmentFor,
  type TrainingEditCatalog,
} from './training-options';
import { dayNameEs, inWeekdayOrder, shownWeek, withWeek } from './training-week';

/*
 * Coach edits on a stored training plan (issue #16, point 1), as pure functions: one edit on the
 * week the plan shows (see training-week.ts) gives a NEW document, or the fields at fault. Nothing
 * is saved and nothing is re-audited here.
 *
 * An exercise the client should not do (contraindicated by an active injury, excluded by the
 * client, or needing equipment the client lacks) is NOT refused: the coach stays in charge. The
 * edit succeeds with a warning naming the field and the reason; `exerciseOptions` already shows
 * such exercises disabled, and re-auditing the plan (TRN-02/03) blocks it until the coach approves
 * it with an override. An id missing from the catalog IS refused: nothing could show or audit it.
 */

export type TrainingEditResult =
  { ok: true; plan: TrainingPlanDocument; warnings: FieldError[] } | { ok: false; errors: FieldError[] };

const fail = (field: string, code: string, text: string): TrainingEditResult => ({
  ok: false,
  errors: [{ field, code, message: `${field}: ${text}` }],
});

function parseErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = ['edit', ...issue.path.map(String)].join('.');
    return { field, code: issue.code, message: `${field}: ${issue.message}` };
  });
}

/** Checks an exercise id, and the warnings for an exercise the client should not do. */
function checkExercise(
  id: string,
  field: string,
  catalog: TrainingEditCatalog,
  plan: TrainingPlanDocument,
): { error: FieldError } | { warnings: FieldError[] } {
  const exercise = catalog.byId(id);
  if (!exercise) {
    return {
      error: {
        field,
        code: 'unknown_exercise',
        message: `${field}: «${id}» no está en el catálogo de ejercicios`,
      },
    };
  }
  const client = clientConstraintsOf(plan);
  const warnings: FieldError[] = [];
  const missing = missingEquipmentFor(exercise, client);
  if (missing.length > 0) {
    warnings.push({
      field,
      code: 'missing_equipment',
      message: `${field}: «${id}» necesita material que el cliente no tiene: ${missing.join(', ')}`,
    });
  }
  const reason = exerciseRestriction(exercise, client);
  if (reason) {
    warnings.push({ field, code: 'restricted_exercise', message: `${field}: «${id}» — ${reason.es}` });
  }
  return { warnings };
}

function repsRangeError(
  item: Pick<PrescribedExercise, 'reps_min' | 'reps_max'>,
  field: string,
): FieldError | undefined {
  if (item.reps_min <= item.reps_max) return undefined;
  return {
    field,
    code: 'reps_range',
    message: `${field}: reps_min (${item.reps_min}) no puede ser mayor que reps_max (${item.reps_max})`,
  };
}

interface Draft {
  sessions: Session[];
  warnings: FieldError[];
}
type Step = Draft | { errors: FieldError[] };

const outOfRange = (field: string, what: string, index: number, count: number): Step => ({
  errors: [
    {
      field,
      code: 'out_of_range',
      message: `${field}: no hay ${what} con índice ${index}; hay ${count} (índices 0–${count - 1})`,
    },
  ],
});

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((old, i) => (i === index ? item : old));

function dayTaken(
  sessions: readonly Session[],
  dia: Session['dia'],
  field: string,
  except?: number,
): Step | undefined {
  const other = sessions.findIndex((s, i) => i !== except && s.dia === dia);
  if (other < 0) return undefined;
  return {
    errors: [
      {
        field,
        code: 'day_taken',
        message: `${field}: el ${dayNameEs(dia)} ya tiene otra sesión («${sessions[other]?.nombre}», índice ${other})`,
      },
    ],
  };
}

function step(
  sessions: Session[],
  edit: TrainingEdit,
  catalog: TrainingEditCatalog,
  plan: TrainingPlanDocument,
): Step {
  if (edit.type === 'add_session') {
    const taken = dayTaken(sessions, edit.session.dia, 'edit.session.dia');
    if (taken) return taken;
    const warnings: FieldError[] = [];
    for (const [i, item] of edit.session.ejercicios.entries()) {
      const field = `edit.session.ejercicios.${i}`;
      const reps = repsRangeError(item, `${field}.reps_min`);
      if (reps) return { errors: [reps] };
      const checked = checkExercise(item.ejercicio_id, `${field}.ejercicio_id`, catalog, plan);
      if ('error' in checked) return { errors: [checked.error] };
      warnings.push(...checked.warnings);
    }
    return { sessions: inWeekdayOrder([...sessions, edit.session]), warnings };
  }

  const session = sessions[edit.session];
  if (!session) return outOfRange('edit.session', 'sesión', edit.session, sessions.length);
  const withSession = (next: Session, warnings: FieldError[] = []): Draft => ({
    sessions: replaceAt(sessions, edit.session, next),
    warnings,
  });
  const list = session.ejercicios;

  switch (edit.type) {
    case 'remove_session':
      return { sessions: sessions.filter((_, i) => i !== edit.session), warnings: [] };
    case 'move_session': {
      const taken = dayTaken(sessions, edit.dia, 'edit.dia', edit.session);
      if (taken) return taken;
      return {
        sessions: inWeekdayOrder(replaceAt(sessions, edit.session, { ...session, dia: edit.dia })),
        warnings: [],
      };
    }
    case 'add_exercise': {
      const at = edit.at ?? list.length;
      if (at > list.length) return outOfRange('edit.at', 'posición', at, list.length + 1);
      const reps = repsRangeError(edit.prescription, 'edit.prescription.reps_min');
      if (reps) return { errors: [reps] };
      const checked = checkExercise(
        edit.prescription.ejercicio_id,
        'edit.prescription.ejercicio_id',
        catalog,
        plan,
      );
      if ('error' in checked) return { errors: [checked.error] };
      const ejercicios = [...list.slice(0, at), edit.prescription, ...list.slice(at)];
      return withSession({ ...session, ejercicios }, checked.warnings);
    }
    case 'move_exercise': {
      if (edit.from >= list.length) return outOfRange('edit.from', 'ejercicio', edit.from, list.length);
      if (edit.to >= list.length) return outOfRange('edit.to', 'ejercicio', edit.to, list.length);
      const ejercicios = list.filter((_, i) => i !== edit.from);
      ejercicios.splice(edit.to, 0, list[edit.from] as PrescribedExercise);
      return withSession({ ...session, ejercicios });
    }
    default:
      break;
  }

  const item = list[edit.exercise];
  if (!item) return outOfRange('edit.exercise', 'ejercicio', edit.exercise, list.length);
  switch (edit.type) {
    case 'remove_exercise':
      return withSession({ ...session, ejercicios: list.filter((_, i) => i !== edit.exercise) });
    case 'swap_exercise': {
      const checked = checkExercise(edit.exercise_id, 'edit.exercise_id', catalog, plan);
      if ('error' in checked) return { errors: [checked.error] };
      // The old exercise's notes (its cues, its load) would describe the wrong exercise: dropped.
      const swapped = { ...item, ejercicio_id: edit.exercise_id, notas: null };
      return withSession(
        { ...session, ejercicios: replaceAt(list, edit.exercise, swapped) },
        checked.warnings,
      );
    }
    case 'set_prescription': {
      const { type: _type, session: _session, exercise: _exercise, ...changes } = edit;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const changed: PrescribedExercise = { ...item, ...defined };
      const field = edit.reps_min !== undefined ? 'edit.reps_min' : 'edit.reps_max';
      const reps = repsRangeError(changed, field);
      if (reps) return { errors: [reps] };
      return withSession({ ...session, ejercicios: replaceAt(list, edit.exercise, changed) });
    }
  }
}

/** Where a bound of the week's schema was crossed, in terms of the edit. */
function boundErrors(issues: readonly z.core.$ZodIssue[], edit: TrainingEdit): FieldError[] {
  return issues.map((issue) => {
    const onExercises = issue.path.includes('ejercicios');
    const field = edit.type === 'add_session' && !onExercises ? 'edit' : 'edit.session';
    const what = onExercises ? 'la sesión quedaría con' : 'el plan quedaría con';
    const noun = onExercises ? 'ejercicios' : 'sesiones';
    const limit =
      issue.code === 'too_small'
        ? `menos ${noun} de los admitidos (mínimo ${String(issue.minimum)})`
        : issue.code === 'too_big'
          ? `más ${noun} de los admitidos (máximo ${String(issue.maximum)})`
          : issue.message;
    return { field, code: issue.code, message: `${field}: ${what} ${limit}` };
  });
}

/**
 * Applies one coach edit to the week the plan shows. `edit` is parsed with `TrainingEditSchema`
 * first, so it may come straight from IPC/HTTP. On success: a new document (the input is never
 * modified) and warnings for exercises the client should not do; on failure: the edit's fields at
 * fault (`edit.session`, `edit.exercise_id`, `edit.reps_min`, `edit.dia`…), messages in Spanish.
 */
export function applyTrainingEdit(
  plan: TrainingPlanDocument,
  edit: unknown,
  catalog: TrainingEditCatalog,
): TrainingEditResult {
  const parsed = TrainingEditSchema.safeParse(edit, { error: SPANISH_ZOD_ERRORS });
  if (!parsed.success) return { ok: false, errors: parseErrors(parsed.error.issues) };
  const week = shownWeek(plan);
  if (!week) {
    return fail('training.safe_sessions', 'no_sessions', 'el plan no tiene sesiones legibles que editar');
  }
  const result = step(week.sessions, parsed.data, catalog, plan);
  if ('errors' in result) return { ok: false, errors: result.errors };
  const bounds = week.schema.safeParse(result.sessions);
  if (!bounds.success) return { ok: false, errors: boundErrors(bounds.error.issues, parsed.data) };
  return { ok: true, plan: withWeek(plan, week.field, bounds.data), warnings: result.warnings };
}
