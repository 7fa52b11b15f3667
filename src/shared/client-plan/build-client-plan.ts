import type { NutritionPlanDocument, TrainingPlanDocument } from '../plans';
import { buildAdvice } from './advice';
import { clientText, formatDate } from './format';
import { dictionary, WEEKDAYS, type DayTypeCode, type Dictionary } from './i18n';
import { buildMesocycle } from './mesocycle';
import { buildNutrition, weekDayTypes, type TrainingSchedule } from './nutrition';
import { readNutrition, readTraining, type NutritionView, type TrainingView } from './read-plans';
import { buildSafety } from './safety';
import {
  ClientPlanDocumentSchema,
  type ClientCalendarDay,
  type ClientPlanCoach,
  type ClientPlanDocument,
  type ClientPlanLanguage,
  type ClientSession,
} from './schema';
import { buildSessions } from './sessions';
import { sessionStart } from './workout-timing';

/*
 * The client version of a plan (issue #15): a pure function of the stored documents, so the same
 * plans always print the same PDF. It copies nothing coach-facing — audits, screening reasons,
 * energy-model internals — and words every code it reads.
 */

export interface BuildClientPlanInput {
  training?: TrainingPlanDocument;
  nutrition?: NutritionPlanDocument;
  client: { name: string };
  /** The coach's brand; absent (or with a blank name) → the document has no coach block. */
  coach?: { name: string; contact?: string | undefined; logo?: string | undefined } | null;
  language: ClientPlanLanguage;
  /** The plan's block in the client's sequence ("generar siguiente bloque"); defaults to 1. */
  block?: number;
  /**
   * The approval the copy is printed under: when, and each plan's version
   * (docs/ARCHITECTURE.md "Plan versions and review"); absent, the plans' own version, no date.
   */
  approval?: { at: Date; training?: number | undefined; nutrition?: number | undefined } | undefined;
  /**
   * When the client trains, as the questionnaire says it: `franja_horaria` ("manana", "tarde"…) or
   * an older free-text answer ("por la tarde, sobre las 19:00"). The stored plans do not keep it;
   * without it no meal is labelled before or after training.
   */
  trainingSlot?: string | null;
  /**
   * Ids of the screening checks that did not pass ("SCR-01", "SCR-02"…), as the job's screening
   * found them. The nutrition plan stores its screening; the training plan does not, so a
   * training-only document shows the medical notes only when these are given.
   */
  screening?: readonly string[];
}

function trainingSchedule(
  training: TrainingView | undefined,
  slot: string | null | undefined,
): TrainingSchedule {
  const sessionMinutes = new Map<number, number>();
  for (const session of training?.sessions ?? []) {
    const day = (WEEKDAYS as readonly string[]).indexOf(session.dia);
    if (day >= 0) sessionMinutes.set(day, Math.max(sessionMinutes.get(day) ?? 0, session.duracion_min));
  }
  const start = sessionStart(slot);
  return { ...(start === undefined ? {} : { start }), sessionMinutes, known: sessionMinutes.size > 0 };
}

function calendar(
  dict: Dictionary,
  sessions: ClientSession[] | undefined,
  byWeekday: ReadonlyMap<number, number>,
  dayTypes: ReadonlyMap<number, DayTypeCode>,
  dayTypeIndex: ReadonlyMap<DayTypeCode, number>,
  hasTraining: boolean,
): ClientCalendarDay[] {
  return dict.weekdays.map((dayName, dayIndex) => {
    const day: ClientCalendarDay = { dayIndex, dayName };
    const sessionIndex = byWeekday.get(dayIndex);
    const session = sessionIndex === undefined ? undefined : sessions?.[sessionIndex];
    if (session && sessionIndex !== undefined) {
      day.sessionIndex = sessionIndex;
      day.trainingLabel = dict.sessionLabel(session.title, session.focus);
    } else if (hasTraining) {
      day.trainingLabel = dict.rest;
    }
    const type = dayTypes.get(dayIndex);
    const menuIndex = type === undefined ? undefined : dayTypeIndex.get(type);
    if (type !== undefined && menuIndex !== undefined) {
      day.dayTypeLabel = dict.dayType[type];
      day.dayTypeIndex = menuIndex;
    }
    return day;
  });
}

function coachBlock(given: BuildClientPlanInput['coach']): ClientPlanCoach | undefined {
  const name = given?.name.trim();
  if (!given || !name) return undefined;
  const coach: ClientPlanCoach = { name };
  const contact = clientText(given.contact);
  if (contact) coach.contact = contact;
  if (given.logo) coach.logo = given.logo;
  return coach;
}

export function buildClientPlan(input: BuildClientPlanInput): ClientPlanDocument {
  const { language } = input;
  const source = input.training ?? input.nutrition;
  if (!source) throw new TypeError('buildClientPlan needs a training plan, a nutrition plan or both.');
  const dict = dictionary(language);
  const training: TrainingView | undefined = input.training ? readTraining(input.training) : undefined;
  const nutrition: NutritionView | undefined = input.nutrition ? readNutrition(input.nutrition) : undefined;

  const built =
    training && training.sessions.length > 0 ? buildSessions(training, language, dict) : undefined;
  const mesocycle = buildMesocycle(training?.mesocycle, language, dict);
  const dayTypes = weekDayTypes(nutrition, training);
  const nutritionPart = nutrition
    ? buildNutrition(nutrition, dayTypes, trainingSchedule(training, input.trainingSlot), language, dict)
    : { nutrition: undefined, dayTypeIndex: new Map<DayTypeCode, number>() };

  const coach = coachBlock(input.coach);

  const doc: ClientPlanDocument = {
    meta: {
      language,
      title: input.training
        ? input.nutrition
          ? dict.title.both
          : dict.title.training
        : dict.title.nutrition,
      clientName: input.client.name.trim(),
      ...(coach ? { coach } : {}),
      createdDate: formatDate(source.created_at, language),
      versionLabel: dict.version({
        block: input.block ?? 1,
        ...(input.training ? { training: input.approval?.training ?? input.training.version ?? 1 } : {}),
        ...(input.nutrition ? { nutrition: input.approval?.nutrition ?? input.nutrition.version ?? 1 } : {}),
        ...(input.approval ? { approved: formatDate(input.approval.at, language) } : {}),
      }),
      ...(mesocycle ? { period: dict.period(mesocycle.weeks.length) } : {}),
    },
    calendar: calendar(
      dict,
      built?.sessions,
      built?.byWeekday ?? new Map(),
      dayTypes,
      nutritionPart.dayTypeIndex,
      built !== undefined,
    ),
    advice: buildAdvice(training, nutrition, dict),
    safety: buildSafety(training, nutrition, language, dict, input.screening),
  };
  if (built) doc.sessions = built.sessions;
  if (mesocycle) doc.mesocycle = mesocycle;
  if (nutritionPart.nutrition) doc.nutrition = nutritionPart.nutrition;
  // The schema is the renderer's contract: a document that breaks it is a bug here, not a PDF.
  return ClientPlanDocumentSchema.parse(doc);
}
