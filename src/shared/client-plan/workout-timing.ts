/*
 * Which meal of a training day comes right before the session and which right after. The stored
 * plans do not say when the client trains; the questionnaire's time slot (`franja_horaria`, or an
 * older free-text answer) does, and only roughly. A slot is placed at the hour a client who picks
 * it usually trains, and a meal is labelled only when it falls close enough to that hour for the
 * label's advice ("1–2 h before") to hold. Without a slot nothing is labelled: the plan's general
 * peri-workout advice is all the client gets, rather than a guess presented as a schedule.
 */

/** Minutes after midnight. */
type Minutes = number;

const SLOT_START: Readonly<Record<string, Minutes>> = {
  manana: 9 * 60,
  mediodia: 13 * 60,
  tarde: 18 * 60 + 30,
  noche: 20 * 60 + 30,
};

/** Words of a free-text answer, per slot; an answer naming two slots ("tarde-noche") is not placed. */
const SLOT_WORDS: readonly (readonly [string, RegExp])[] = [
  ['manana', /\b(?:manana|mananas|morning|mornings|temprano|early)\b/],
  ['mediodia', /\b(?:mediodia|midday|noon|lunchtime|lunch)\b/],
  ['tarde', /\b(?:tarde|tardes|afternoon|afternoons|evening|evenings|after work)\b/],
  ['noche', /\b(?:noche|noches|night|nights)\b/],
];

/** A meal this far before the session still fuels it; further back it is just another meal. */
const PRE_MAX: Minutes = 4 * 60;
/** Eating closer than this to the start is not what the pre-workout advice asks for. */
const PRE_MIN: Minutes = 30;
/** The meal that starts recovery comes within this time of the session's end. */
const POST_MAX: Minutes = 3 * 60;
const DEFAULT_SESSION: Minutes = 60;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9:]+/g, ' ')
    .trim();

/** An hour written in the answer: "19:00", "19 h", "7 pm". */
function statedHour(text: string): Minutes | undefined {
  const found = new Set<Minutes>();
  for (const m of text.matchAll(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g))
    found.add(Number(m[1]) * 60 + Number(m[2]));
  for (const m of text.matchAll(/\b([01]?\d|2[0-3]) ?h\b/g)) found.add(Number(m[1]) * 60);
  for (const m of text.matchAll(/\b(1[0-2]|0?\d) ?(am|pm)\b/g)) {
    const hour = Number(m[1]) % 12;
    found.add((m[2] === 'pm' ? hour + 12 : hour) * 60);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The hour the client's sessions start, from the questionnaire's slot code or its free-text answer;
 * undefined when the slot is unknown, "variable" or names more than one part of the day.
 */
export function sessionStart(slot: string | null | undefined): Minutes | undefined {
  if (!slot) return undefined;
  const text = fold(slot);
  const code = SLOT_START[text.replace(/ /g, '_')];
  if (code !== undefined) return code;
  const hour = statedHour(text);
  if (hour !== undefined) return hour;
  const named = SLOT_WORDS.filter(([, words]) => words.test(text)).map(([id]) => id);
  const [only, ...more] = named;
  return only !== undefined && more.length === 0 ? SLOT_START[only] : undefined;
}

function minutesOf(time: string | undefined): Minutes | undefined {
  const m = time ? /^(\d{1,2}):(\d{2})$/.exec(time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export interface WorkoutMeals {
  /** Index of the meal eaten before the session. */
  pre?: number;
  /** Index of the first meal after it. */
  post?: number;
}

/**
 * The meals around a session that starts at `start` and lasts `minutes`, from the meals' times
 * ("HH:MM"; a meal without one is never labelled).
 */
export function workoutMeals(
  times: readonly (string | undefined)[],
  start: Minutes,
  minutes: Minutes | undefined,
): WorkoutMeals {
  const end = start + (minutes ?? DEFAULT_SESSION);
  const at = times.map(minutesOf);
  const out: WorkoutMeals = {};
  let pre: Minutes | undefined;
  let post: Minutes | undefined;
  at.forEach((time, index) => {
    if (time === undefined) return;
    if (time <= start - PRE_MIN && time >= start - PRE_MAX && (pre === undefined || time > pre)) {
      pre = time;
      out.pre = index;
    }
    if (time >= end && time <= end + POST_MAX && (post === undefined || time < post)) {
      post = time;
      out.post = index;
    }
  });
  return out;
}
