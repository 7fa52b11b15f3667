import { assertInRange, round } from './common';

/*
 * Physical activity level (PAL) and TDEE = BMR × PAL (docs/DOMAIN.md "Activity level and TDEE").
 *
 * The five table factors [MSJ][SM] are the anchor levels 0–4:
 *   0 sedentary 1.2 · 1 lightly active 1.375 · 2 moderately active 1.55 · 3 very active 1.725 ·
 *   4 extra active 1.9 (physical job or athlete training).
 *
 * Mapping (documented heuristic built on the table's own descriptions):
 *   exercise steps, from the training load (E9's bridge):
 *     0 sessions/week → 0 · 1–2 → 1 ("light exercise 1–3 d/wk") · 3–5 → 2 ("moderate 3–5 d/wk") ·
 *     6+ → 3 ("hard exercise 6–7 d/wk"); average session < 30 min → −1, ≥ 90 min → +1.
 *   non-exercise steps, the larger of
 *     job (`actividad_laboral`): sedentaria 0 · de_pie 0.5 · activa 1 · muy_activa 2 ("physical job");
 *     daily steps (`pasos_diarios`, when given): < 7,500 → 0 · 7,500–9,999 → 0.5 ·
 *     10,000–12,499 → 1 · 12,500–14,999 → 1.5 · ≥ 15,000 → 2.
 *   level = clamp(exercise + non-exercise, 0, 4); PAL = the table factor at that level, linearly
 *   interpolated for half steps, so PAL always lies in [1.2, 1.9] (NUT-02; the 2.2 athlete ceiling
 *   is never produced automatically). Exercise is inside PAL: never add exercise kcal on top [CRM].
 */

export const PAL_TABLE = [1.2, 1.375, 1.55, 1.725, 1.9] as const;
export const PAL_MIN = PAL_TABLE[0];
export const PAL_MAX = PAL_TABLE[PAL_TABLE.length - 1] as number;

export type ActividadLaboral = 'sedentaria' | 'de_pie' | 'activa' | 'muy_activa';

export const JOB_STEPS: Record<ActividadLaboral, number> = {
  sedentaria: 0,
  de_pie: 0.5,
  activa: 1,
  muy_activa: 2,
};

export interface ActivityInput {
  actividad_laboral: ActividadLaboral;
  pasos_diarios?: number | null;
  trainingSessionsPerWeek: number;
  avgSessionMinutes: number;
}

export interface ActivityBreakdown {
  exerciseSteps: number;
  nonExerciseSteps: number;
  /** 0–4 on the PAL table (docs/DOMAIN.md "Activity level and TDEE"), halves allowed. */
  level: number;
  pal: number;
}

export function exerciseSteps(sessionsPerWeek: number, avgSessionMinutes: number): number {
  assertInRange('sesiones_semana', sessionsPerWeek, 0, 21);
  assertInRange('minutos_sesion', avgSessionMinutes, 0, 600);
  if (sessionsPerWeek === 0 || avgSessionMinutes === 0) return 0;
  let steps = sessionsPerWeek < 3 ? 1 : sessionsPerWeek < 6 ? 2 : 3;
  if (avgSessionMinutes < 30) steps -= 1;
  else if (avgSessionMinutes >= 90) steps += 1;
  return Math.max(0, steps);
}

export function stepsFromDailySteps(pasos: number): number {
  assertInRange('pasos_diarios', pasos, 0, 100_000);
  if (pasos < 7_500) return 0;
  if (pasos < 10_000) return 0.5;
  if (pasos < 12_500) return 1;
  if (pasos < 15_000) return 1.5;
  return 2;
}

export function activityBreakdown(input: ActivityInput): ActivityBreakdown {
  const job = JOB_STEPS[input.actividad_laboral];
  if (job === undefined)
    throw new RangeError(`actividad_laboral desconocida: ${String(input.actividad_laboral)}`);
  const walking = input.pasos_diarios == null ? 0 : stepsFromDailySteps(input.pasos_diarios);
  const exercise = exerciseSteps(input.trainingSessionsPerWeek, input.avgSessionMinutes);
  const nonExercise = Math.max(job, walking);
  const level = Math.min(4, Math.max(0, exercise + nonExercise));
  const lower = Math.floor(level);
  const upper = Math.min(4, lower + 1);
  const lo = PAL_TABLE[lower] as number;
  const hi = PAL_TABLE[upper] as number;
  const pal = round(lo + (hi - lo) * (level - lower), 4);
  return { exerciseSteps: exercise, nonExerciseSteps: nonExercise, level, pal };
}

/** PAL in [1.2, 1.9] from job, steps and training load (mapping above). */
export function activityFactor(input: ActivityInput): number {
  return activityBreakdown(input).pal;
}

/** TDEE = BMR × PAL, kcal/day rounded to 0.1. */
export function tdee(bmrKcal: number, pal: number): number {
  assertInRange('bmr', bmrKcal, 500, 5_000);
  assertInRange('pal', pal, 1, 2.5);
  return round(bmrKcal * pal, 1);
}
