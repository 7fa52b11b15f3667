import type { PrescribedExercise, Session } from '../agent-outputs/training';
import { catalogEntry, exerciseCue, exerciseName, isHold, sessionFocusMuscles } from './exercises';
import { capitalize, clientText, joinList, words } from './format';
import { WEEKDAYS, weekdayName, type Dictionary } from './i18n';
import type { TrainingView } from './read-plans';
import type { ClientDrill, ClientExercise, ClientPlanLanguage, ClientSession } from './schema';

/*
 * The week's distinct sessions. A session repeated on two days with the same exercises is one
 * session done twice; two sessions that share a label but not their exercises are variants and get
 * distinct titles ("Sesión A1", "Sesión A2"), so the client never wonders which "Sesión A" is meant.
 */

export interface BuiltSessions {
  sessions: ClientSession[];
  /** Weekday index (0 = Monday) → index into `sessions`. */
  byWeekday: Map<number, number>;
}

const dayIndex = (dia: string): number => (WEEKDAYS as readonly string[]).indexOf(dia);

function prescriptionKey(session: Session): string {
  return JSON.stringify(
    session.ejercicios.map((e) => [
      e.ejercicio_id,
      e.series,
      e.reps_min,
      e.reps_max,
      e.rir,
      e.rpe,
      e.descanso_seg,
      e.tempo,
    ]),
  );
}

function restText(seconds: number, dict: Dictionary): string {
  const time =
    seconds < 60 ? dict.seconds(seconds) : dict.minutesSeconds(Math.floor(seconds / 60), seconds % 60);
  return dict.rest_between(time);
}

const TEMPO = /^([0-9xX])[-:/ ]?([0-9xX])[-:/ ]?([0-9xX])[-:/ ]?([0-9xX])$/;

function tempoText(tempo: string | null, dict: Dictionary): string | undefined {
  const text = clientText(tempo);
  if (!text) return undefined;
  const parts = TEMPO.exec(text);
  // The PDF prints its own "Ritmo:" label: an unparseable tempo is kept as written.
  return parts ? dict.tempo(parts.slice(1, 5).map((p) => p.toUpperCase())) : text;
}

function displayName(id: string, language: ClientPlanLanguage): string {
  return exerciseName(id, language) ?? capitalize(words(id));
}

function exercise(e: PrescribedExercise, language: ClientPlanLanguage, dict: Dictionary): ClientExercise {
  const range = e.reps_min === e.reps_max ? `${e.reps_min}` : `${e.reps_min}–${e.reps_max}`;
  // A plank's "10–12" can only be seconds: a hold is prescribed and explained as one.
  const hold = isHold(e.ejercicio_id);
  const reps = hold ? `${range} s` : range;
  const out: ClientExercise = {
    name: displayName(e.ejercicio_id, language),
    sets: e.series,
    reps,
    setsReps: `${e.series} × ${reps}`,
    effort: hold
      ? dict.holdEffort
      : dict.effort(e.rir, e.rpe === null ? null : String(e.rpe).replace('.', language === 'es' ? ',' : '.')),
    rest: restText(e.descanso_seg, dict),
  };
  const tempo = tempoText(e.tempo, dict);
  if (tempo) out.tempo = tempo;
  const cue = exerciseCue(e.ejercicio_id, language);
  if (cue) out.cue = cue;
  const notes = clientText(e.notas);
  if (notes) out.notes = notes;
  return out;
}

function drills(
  view: TrainingView,
  moment: 'calentamiento' | 'final',
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientDrill[] {
  return view.correctives
    .filter((c) => c.momento === moment && catalogEntry(c.ejercicio_id))
    .map((c) => {
      const amount = clientText(c.repeticiones)?.replace(/(\d)\s*-\s*(\d)/g, '$1–$2') ?? '10';
      const seconds = isHold(c.ejercicio_id) && /^[\d–]+$/.test(amount);
      return {
        name: displayName(c.ejercicio_id, language),
        prescription: seconds ? dict.hold(c.series, amount) : dict.drill(c.series, amount),
      };
    });
}

/** "Sesión A" → "Sesión A1"; "Pierna" → "Pierna 1". */
function variantTitle(label: string, n: number): string {
  return /(?:^|\s)[A-Z0-9]$/.test(label) ? `${label}${n}` : `${label} ${n}`;
}

export interface DistinctSession {
  /** The label, or a variant title ("Sesión A1") when another distinct session shares the label. */
  title: string;
  /** The first day's session (every day of the group has the same prescription). */
  session: Session;
  /** Weekday indices (0 = Monday) the session is done on, in order. */
  days: number[];
}

/**
 * The week's distinct sessions by label and prescription, in weekday order of first appearance
 * (sessions on an unknown day are left out). `labelOf` names a session (`index`: its place in
 * weekday order); the client version and the coach's plan view both title sessions with this.
 */
export function distinctSessions(
  sessions: readonly Session[],
  labelOf: (session: Session, index: number) => string,
): DistinctSession[] {
  const ordered = sessions
    .filter((s) => dayIndex(s.dia) >= 0)
    .sort((a, b) => dayIndex(a.dia) - dayIndex(b.dia));
  const groups: { label: string; key: string; days: number[]; session: Session }[] = [];
  ordered.forEach((session, i) => {
    const label = labelOf(session, i);
    const key = prescriptionKey(session);
    const same = groups.find((g) => g.label === label && g.key === key);
    if (same) same.days.push(dayIndex(session.dia));
    else groups.push({ label, key, days: [dayIndex(session.dia)], session });
  });
  return groups.map((group) => {
    const variants = groups.filter((g) => g.label === group.label);
    const title = variants.length > 1 ? variantTitle(group.label, variants.indexOf(group) + 1) : group.label;
    return { title, session: group.session, days: group.days };
  });
}

export function buildSessions(
  view: TrainingView,
  language: ClientPlanLanguage,
  dict: Dictionary,
): BuiltSessions {
  const groups = distinctSessions(
    view.sessions,
    (session, i) => clientText(session.nombre) ?? `${dict.session} ${String.fromCharCode(65 + i)}`,
  );
  const planned = drills(view, 'calentamiento', language, dict);
  // Every session starts warm: a plan that names no warm-up drills gets the general one.
  const warmUp = planned.length > 0 ? planned : dict.defaultWarmUp.map((drill) => ({ ...drill }));
  const coolDown = drills(view, 'final', language, dict);
  const byWeekday = new Map<number, number>();
  const sessions = groups.map((group, index): ClientSession => {
    for (const day of group.days) byWeekday.set(day, index);
    const focus = sessionFocusMuscles(
      group.session.ejercicios.map((e) => e.ejercicio_id),
      language,
    );
    const out: ClientSession = {
      title: group.title,
      days: group.days.map((d) => weekdayName(dict, d)),
      warmUp,
      exercises: group.session.ejercicios.map((e) => exercise(e, language, dict)),
      coolDown,
    };
    if (focus.length > 0) out.focus = capitalize(joinList(focus, dict.and));
    out.duration = dict.minutes(String(group.session.duracion_min));
    return out;
  });
  return { sessions, byWeekday };
}
