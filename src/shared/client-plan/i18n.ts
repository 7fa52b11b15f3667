import type { ClientPlanLanguage } from './schema';

/*
 * Every fixed text of the client version, Spanish first. Numbers reach these functions already
 * formatted (format.ts) so both languages write them the way their readers expect.
 */

export const WEEKDAYS = ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type DayTypeCode = 'alto' | 'medio' | 'bajo';
export const DAY_TYPE_ORDER: readonly DayTypeCode[] = ['alto', 'medio', 'bajo'];

export interface VersionLabelParts {
  block: number;
  training?: number | undefined;
  nutrition?: number | undefined;
  /** The latest approval of the plans printed, already formatted. */
  approved?: string | undefined;
}

export interface Dictionary {
  /** The document's title by the plans it holds. */
  title: { both: string; training: string; nutrition: string };
  /** Which block of the client's sequence and which version of each plan, with its approval date. */
  version: (label: VersionLabelParts) => string;
  period: (weeks: number) => string;
  weekdays: readonly string[];
  rest: string;
  session: string;
  dayType: Record<DayTypeCode, string>;
  sessionLabel: (title: string, focus: string | undefined) => string;
  minutes: (n: string) => string;
  drill: (sets: number, reps: string) => string;
  /** A hold's sets and seconds ("2 × 20–30 s"). */
  hold: (sets: number, seconds: string) => string;
  effort: (rir: number, rpe: string | null) => string;
  /** The effort of a hold, where repetitions in reserve mean nothing. */
  holdEffort: string;
  /** A warm-up for a plan that names none: general, then lighter sets of the first exercise. */
  defaultWarmUp: readonly { name: string; prescription: string }[];
  rest_between: (time: string) => string;
  seconds: (s: number) => string;
  minutesSeconds: (m: number, s: number) => string;
  /**
   * The tempo's four digits explained, without a "Ritmo:" label (the PDF prints its own); "X" is
   * explosive. A tempo that does not parse is printed as written.
   */
  tempo: (parts: readonly string[]) => string;
  phase: Record<string, string>;
  weekTitle: (week: number, phase: string | undefined) => string;
  weekEffort: (rir: number) => string;
  weekVolume: (pct: string, direction: -1 | 0 | 1) => string;
  /** `first`: the first week, which has no earlier weights to keep or change. */
  weekLoad: (pct: string, direction: -1 | 0 | 1, first: boolean) => string;
  deload: (weeks: string) => string;
  targets: (kcal: string, protein: string, carbs: string, fat: string) => string;
  targetsIntro: string;
  swap: (original: string, options: readonly string[]) => string;
  gramsOf: (grams: string, name: string) => string;
  preWorkout: string;
  postWorkout: string;
  /** When to eat the pre-workout meal, relative to the session. */
  preWorkoutWhen: string;
  postWorkoutWhen: string;
  otherGroup: string;
  and: string;
  or: string;
  disclaimer: string;
}

/** A pause of some seconds ("0" and an explosive "X" are none). */
const pause = (digit: string): boolean => /^[1-9]$/.test(digit);

const es: Dictionary = {
  title: {
    both: 'Tu plan de entrenamiento y nutrición',
    training: 'Tu plan de entrenamiento',
    nutrition: 'Tu plan de nutrición',
  },
  version: ({ block, training, nutrition, approved }) =>
    [
      `Bloque ${block}`,
      training !== undefined && nutrition !== undefined
        ? `entrenamiento versión ${training} · nutrición versión ${nutrition}`
        : `versión ${training ?? nutrition ?? 1}`,
      ...(approved ? [`aprobada el ${approved}`] : []),
    ].join(' · '),
  period: (weeks) => `Semanas 1–${weeks}`,
  weekdays: ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'],
  rest: 'Descanso',
  session: 'Sesión',
  dayType: {
    alto: 'Día de entrenamiento intenso',
    medio: 'Día de entrenamiento moderado',
    bajo: 'Día de descanso',
  },
  sessionLabel: (title, focus) => (focus ? `${title} · ${focus}` : title),
  minutes: (n) => `${n} minutos`,
  drill: (sets, reps) => `${sets} × ${reps} ${reps === '1' ? 'repetición' : 'repeticiones'}`,
  hold: (sets, seconds) => `${sets} × ${seconds} s`,
  holdEffort:
    'Aguanta cada serie con buena técnica y termina sintiendo que podrías aguantar unos segundos más',
  defaultWarmUp: [
    {
      name: 'Calentamiento general: bici, remo o caminar rápido, y movilidad suave',
      prescription: '5–8 minutos',
    },
    {
      name: 'Series de aproximación del primer ejercicio, con poco peso',
      prescription: '2 × 6–8 repeticiones',
    },
  ],
  effort: (rir, rpe) => {
    const base =
      rir === 0
        ? 'llega a la última repetición que puedas hacer con buena técnica (RIR 0)'
        : rir === 1
          ? 'deja 1 repetición en reserva (RIR 1): termina la serie sintiendo que podrías hacer 1 más'
          : `deja ${rir} repeticiones en reserva (RIR ${rir}): termina la serie sintiendo que podrías hacer ${rir} más`;
    const text = rpe ? `${base}; esfuerzo de ${rpe} sobre 10` : base;
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  rest_between: (time) => `Descansa ${time} entre series`,
  seconds: (s) => `${s} s`,
  minutesSeconds: (m, s) => (s === 0 ? `${m} min` : `${m} min ${s} s`),
  tempo: ([down = '', bottom = '', up = '', top = '']) =>
    `${down}-${bottom}-${up}-${top}: ` +
    [
      down === 'X' ? 'baja de forma explosiva, lo más rápido que puedas con control' : `${down} s bajando`,
      pause(bottom) ? `${bottom} s de pausa abajo` : 'sin pausa abajo',
      up === 'X' ? 'sube de forma explosiva, lo más rápido que puedas con control' : `${up} s subiendo`,
    ].join(', ') +
    (pause(top) ? ` y ${top} s arriba` : ' y sin pausa arriba'),
  phase: {
    adaptacion: 'Adaptación',
    acumulacion: 'Acumulación',
    intensificacion: 'Intensificación',
    descarga: 'Descarga',
  },
  weekTitle: (week, phase) => (phase ? `Semana ${week} · ${phase}` : `Semana ${week}`),
  weekEffort: (rir) =>
    rir === 0
      ? 'Esfuerzo: series hasta la última repetición con buena técnica.'
      : `Esfuerzo: deja ${rir} ${rir === 1 ? 'repetición' : 'repeticiones'} en reserva en cada serie.`,
  weekVolume: (pct, direction) =>
    direction === 0
      ? 'Series: las indicadas en tus sesiones.'
      : `Series: alrededor del ${pct} % de las indicadas en tus sesiones${direction < 0 ? ' (algunas series menos)' : ' (alguna serie más)'}.`,
  weekLoad: (pct, direction, first) =>
    first
      ? 'Cargas: elige para cada ejercicio un peso con el que completes las repeticiones dejando en reserva las indicadas.'
      : direction === 0
        ? 'Cargas: mantén los pesos de la semana anterior.'
        : direction > 0
          ? `Cargas: sube el peso alrededor de un ${pct} % si completaste todas las repeticiones.`
          : `Cargas: baja el peso alrededor de un ${pct} %.`,
  deload: (weeks) =>
    `Descarga (${weeks.toLowerCase()}): menos series y más repeticiones en reserva, con los mismos ejercicios, para que tu cuerpo se recupere y llegues con energía al siguiente bloque.`,
  targets: (kcal, protein, carbs, fat) =>
    `${kcal} kcal: ${protein} g de proteína, ${carbs} g de hidratos de carbono y ${fat} g de grasa.`,
  targetsIntro:
    'Tus objetivos diarios cambian según el tipo de día: los días de más entrenamiento llevan más energía.',
  swap: (original, options) => `En lugar de ${original}: ${options.join(' o ')}`,
  gramsOf: (grams, name) => `${grams} g de ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
  preWorkout: 'Antes de entrenar',
  postWorkout: 'Después de entrenar',
  preWorkoutWhen: 'Haz esta comida entre 1 y 2 horas antes de entrenar.',
  postWorkoutWhen: 'Haz esta comida en las 2 horas siguientes al entrenamiento.',
  otherGroup: 'Otros',
  and: 'y',
  or: 'o',
  disclaimer:
    'Este plan es una orientación general de entrenamiento y alimentación preparada por tu entrenador/a para ti; no sustituye el consejo de un médico ni de un dietista-nutricionista. Si notas dolor, mareo, falta de aire o cualquier síntoma extraño, detente y consulta con un profesional sanitario.',
};

const en: Dictionary = {
  title: {
    both: 'Your training and nutrition plan',
    training: 'Your training plan',
    nutrition: 'Your nutrition plan',
  },
  version: ({ block, training, nutrition, approved }) =>
    [
      `Block ${block}`,
      training !== undefined && nutrition !== undefined
        ? `training version ${training} · nutrition version ${nutrition}`
        : `version ${training ?? nutrition ?? 1}`,
      ...(approved ? [`approved on ${approved}`] : []),
    ].join(' · '),
  period: (weeks) => `Weeks 1–${weeks}`,
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  rest: 'Rest',
  session: 'Session',
  dayType: { alto: 'Hard training day', medio: 'Moderate training day', bajo: 'Rest day' },
  sessionLabel: (title, focus) => (focus ? `${title} · ${focus}` : title),
  minutes: (n) => `${n} minutes`,
  drill: (sets, reps) => `${sets} × ${reps} ${reps === '1' ? 'rep' : 'reps'}`,
  hold: (sets, seconds) => `${sets} × ${seconds} s`,
  holdEffort: 'Hold each set with good form and finish feeling you could hold a few seconds longer',
  defaultWarmUp: [
    { name: 'General warm-up: bike, rower or brisk walk, and easy mobility', prescription: '5–8 minutes' },
    { name: 'Lighter ramp-up sets of the first exercise', prescription: '2 × 6–8 reps' },
  ],
  effort: (rir, rpe) => {
    const base =
      rir === 0
        ? 'go to the last rep you can do with good form (RIR 0)'
        : rir === 1
          ? 'leave 1 rep in reserve (RIR 1): end the set feeling you could do 1 more'
          : `leave ${rir} reps in reserve (RIR ${rir}): end the set feeling you could do ${rir} more`;
    const text = rpe ? `${base}; effort ${rpe} out of 10` : base;
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  rest_between: (time) => `Rest ${time} between sets`,
  seconds: (s) => `${s} s`,
  minutesSeconds: (m, s) => (s === 0 ? `${m} min` : `${m} min ${s} s`),
  tempo: ([down = '', bottom = '', up = '', top = '']) =>
    `${down}-${bottom}-${up}-${top}: ` +
    [
      down === 'X' ? 'lower explosively, as fast as you can with control' : `${down} s down`,
      pause(bottom) ? `${bottom} s pause at the bottom` : 'no pause at the bottom',
      up === 'X' ? 'lift explosively, as fast as you can with control' : `${up} s up`,
    ].join(', ') +
    (pause(top) ? ` and ${top} s at the top` : ' and no pause at the top'),
  phase: {
    adaptacion: 'Adaptation',
    acumulacion: 'Accumulation',
    intensificacion: 'Intensification',
    descarga: 'Deload',
  },
  weekTitle: (week, phase) => (phase ? `Week ${week} · ${phase}` : `Week ${week}`),
  weekEffort: (rir) =>
    rir === 0
      ? 'Effort: sets to the last rep you can do with good form.'
      : `Effort: leave ${rir} ${rir === 1 ? 'rep' : 'reps'} in reserve in every set.`,
  weekVolume: (pct, direction) =>
    direction === 0
      ? 'Sets: as written in your sessions.'
      : `Sets: about ${pct}% of those in your sessions${direction < 0 ? ' (a few sets fewer)' : ' (a set more here and there)'}.`,
  weekLoad: (pct, direction, first) =>
    first
      ? 'Loads: pick a weight for each exercise that lets you complete the reps with the reps in reserve shown.'
      : direction === 0
        ? "Loads: keep last week's weights."
        : direction > 0
          ? `Loads: add about ${pct}% to the weight if you completed every rep.`
          : `Loads: lower the weight by about ${pct}%.`,
  deload: (weeks) =>
    `Deload (${weeks}): fewer sets and more reps in reserve, with the same exercises, so your body recovers and you start the next block with energy.`,
  targets: (kcal, protein, carbs, fat) =>
    `${kcal} kcal: ${protein} g protein, ${carbs} g carbohydrate and ${fat} g fat.`,
  targetsIntro: 'Your daily targets depend on the kind of day: days with more training get more energy.',
  swap: (original, options) => `Instead of ${original}: ${options.join(' or ')}`,
  gramsOf: (grams, name) => `${grams} g ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
  preWorkout: 'Before training',
  postWorkout: 'After training',
  preWorkoutWhen: 'Eat this meal 1–2 hours before training.',
  postWorkoutWhen: 'Eat this meal within 2 hours after training.',
  otherGroup: 'Other',
  and: 'and',
  or: 'or',
  disclaimer:
    'This plan is general training and nutrition guidance prepared for you by your coach; it does not replace advice from a doctor or a registered dietitian. If you feel pain, dizziness, shortness of breath or any unusual symptom, stop and see a health professional.',
};

export const DICTIONARIES: Record<ClientPlanLanguage, Dictionary> = { es, en };

/** The weekday's name; indices come from WEEKDAYS, so the fallback is never reached. */
export function weekdayName(dict: Dictionary, index: number): string {
  return dict.weekdays[index] ?? dict.weekdays[0] ?? '';
}

export function dictionary(language: ClientPlanLanguage): Dictionary {
  return DICTIONARIES[language];
}
