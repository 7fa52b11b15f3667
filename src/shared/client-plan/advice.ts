import { capitalize, clientText, clientTexts } from './format';
import { WEEKDAYS, weekdayName, type Dictionary } from './i18n';
import type { NutritionView, TrainingView } from './read-plans';
import type { ClientAdvice, ClientDayNote } from './schema';

/*
 * The texts the pipeline writes for the client: E7's presentation of the training week and N7's
 * adherence advice. Any of them that carries an internal marker is dropped (format.ts clientText).
 */

/** "3×6-8", "2 x 10–12": a set-by-rep prescription written as shorthand. */
const PRESCRIPTION = /\b\d+\s*[×x]\s*\d+/g;

/**
 * A day note that lists the session's prescriptions in shorthand ("3×6-8 RIR 3, descanso 150s")
 * repeats the session page in coach's notation; the session page already says it in words.
 */
function restatesSession(text: string): boolean {
  return (text.match(PRESCRIPTION) ?? []).length >= 2;
}

export function buildAdvice(
  training: TrainingView | undefined,
  nutrition: NutritionView | undefined,
  dict: Dictionary,
): ClientAdvice {
  const formatted = training?.formatted;
  const dayNotes: ClientDayNote[] = [];
  for (const day of [...(formatted?.dias ?? [])].sort(
    (a, b) => WEEKDAYS.indexOf(a.dia) - WEEKDAYS.indexOf(b.dia),
  )) {
    const title = clientText(day.titulo);
    const text = clientText(day.texto);
    if (title && text && !restatesSession(text))
      dayNotes.push({ dayName: weekdayName(dict, WEEKDAYS.indexOf(day.dia)), title, text });
  }
  const adherence = nutrition?.adherence;
  const advice: ClientAdvice = {
    trainingDayNotes: dayNotes,
    trainingTips: clientTexts(formatted?.consejos),
    habits: clientTexts(adherence?.habitos),
    supplements: (adherence?.suplementos ?? []).flatMap((s) => {
      const name = clientText(s.nombre);
      const dose = clientText(s.dosis);
      const reason = clientText(s.motivo);
      return name && dose && reason ? [{ name: capitalize(name), dose, reason: capitalize(reason) }] : [];
    }),
    // A barrier is only useful next to what to do about it: N7 writes them as two lists.
    strategies: clientTexts(adherence?.estrategias),
  };
  const intro = clientText(formatted?.introduccion);
  if (intro) advice.trainingIntro = intro;
  const hydration = clientText(adherence?.hidratacion);
  if (hydration) advice.hydration = hydration;
  return advice;
}
