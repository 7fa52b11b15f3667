import { z } from 'zod';
import { PrescribedExerciseSchema, SessionSchema } from '../agent-outputs/training';

/*
 * The edits a coach can make to the week a training plan shows (issue #16, point 1): E6's
 * injury-safe sessions, or E5's when E6's did not parse (src/shared/client-plan/read-plans.ts).
 * Indexes are 0-based positions in that week as stored; the bounds of every value are the agent
 * output schemas' own (`SessionSchema`, `PrescribedExerciseSchema`), nothing is restated here.
 */

const index = z.number().int().min(0);
const prescribed = PrescribedExerciseSchema.shape;

/** The prescription fields a coach may change on one exercise (`rpe` is left to the pipeline). */
export const PRESCRIPTION_FIELDS = [
  'series',
  'reps_min',
  'reps_max',
  'rir',
  'descanso_seg',
  'tempo',
  'notas',
] as const;
export type PrescriptionField = (typeof PRESCRIPTION_FIELDS)[number];

const PrescriptionChangesSchema = PrescribedExerciseSchema.pick({
  series: true,
  reps_min: true,
  reps_max: true,
  rir: true,
  descanso_seg: true,
  tempo: true,
  notas: true,
}).partial();

export const SwapExerciseEditSchema = z.strictObject({
  type: z.literal('swap_exercise'),
  session: index,
  exercise: index,
  exercise_id: prescribed.ejercicio_id,
});

export const SetPrescriptionEditSchema = z
  .strictObject({
    type: z.literal('set_prescription'),
    session: index,
    exercise: index,
    ...PrescriptionChangesSchema.shape,
  })
  .refine((edit) => PRESCRIPTION_FIELDS.some((field) => edit[field] !== undefined), {
    message: `indica al menos un campo a cambiar: ${PRESCRIPTION_FIELDS.join(', ')}`,
  });

/** `at`: the position the new exercise takes in the session; omitted = last. */
export const AddExerciseEditSchema = z.strictObject({
  type: z.literal('add_exercise'),
  session: index,
  at: index.optional(),
  prescription: PrescribedExerciseSchema,
});

export const RemoveExerciseEditSchema = z.strictObject({
  type: z.literal('remove_exercise'),
  session: index,
  exercise: index,
});

/** Reorder within one session: the exercise at `from` ends up at `to`. */
export const MoveExerciseEditSchema = z.strictObject({
  type: z.literal('move_exercise'),
  session: index,
  from: index,
  to: index,
});

/** The new session goes into its weekday's place in the week (sessions stay in weekday order). */
export const AddSessionEditSchema = z.strictObject({
  type: z.literal('add_session'),
  session: SessionSchema,
});

export const RemoveSessionEditSchema = z.strictObject({
  type: z.literal('remove_session'),
  session: index,
});

/** Move a session to another weekday; the week is then put back in weekday order. */
export const MoveSessionEditSchema = z.strictObject({
  type: z.literal('move_session'),
  session: index,
  dia: SessionSchema.shape.dia,
});

export const TrainingEditSchema = z.discriminatedUnion('type', [
  SwapExerciseEditSchema,
  SetPrescriptionEditSchema,
  AddExerciseEditSchema,
  RemoveExerciseEditSchema,
  MoveExerciseEditSchema,
  AddSessionEditSchema,
  RemoveSessionEditSchema,
  MoveSessionEditSchema,
]);
export type TrainingEdit = z.infer<typeof TrainingEditSchema>;
export type TrainingEditType = TrainingEdit['type'];
