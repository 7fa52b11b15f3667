import type { PrescribedExercise } from '@shared/agent-outputs/training';

/** A new exercise's starting prescription; the coach adjusts it in place. */
export const NEW_EXERCISE: Omit<PrescribedExercise, 'ejercicio_id'> = {
  series: 3,
  reps_min: 8,
  reps_max: 12,
  rir: 2,
  rpe: null,
  descanso_seg: 90,
  tempo: null,
  notas: null,
};

/** A failing audit check that names an exercise, shown under it. */
export interface CheckNote {
  id: string;
  severity: 'block' | 'warn' | 'info';
  reason: string;
}
