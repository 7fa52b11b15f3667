import foodGroupsJson from '../../../resources/lexicons/food-groups.json';
import { intoleranceGroups } from '../reading';
import { otherFoodLabel, zoneLabel } from './code-labels';
import { clientText, joinList } from './format';
import type { Dictionary } from './i18n';
import type { NutritionView, TrainingView } from './read-plans';
import type { ClientPlanLanguage, ClientSafety } from './schema';

/*
 * Safety notes from the plan's structured screening data only — the injuries E1 received, the
 * screening checks (docs/DOMAIN.md "Screening") that did not pass, the declared allergies and
 * intolerances — never from the coach-facing reasons, which name rules and thresholds.
 */

type Bilingual = { es: string; en: string };

const SCREENING_NOTES: Readonly<Record<string, Bilingual>> = {
  'SCR-01': {
    es: 'Consulta con tu médico antes de empezar si tienes cualquier duda sobre tu salud, y detén el ejercicio si notas dolor en el pecho, mareo o falta de aire fuera de lo normal.',
    en: 'See your doctor before you start if you have any doubt about your health, and stop exercising if you feel chest pain, dizziness or unusual shortness of breath.',
  },
  'SCR-02': {
    es: 'Has declarado una condición de salud o una medicación: sigue las indicaciones de tu médico sobre la intensidad del ejercicio y consúltale antes de aumentarla o si cambia tu tratamiento.',
    en: 'You have declared a health condition or medication: follow your doctor’s advice on exercise intensity and check with them before raising it or if your treatment changes.',
  },
  'SCR-03': {
    es: 'Como eres menor de edad, entrena con la supervisión de un adulto responsable y de tu entrenador/a.',
    en: 'As you are under 18, train under the supervision of a responsible adult and your coach.',
  },
  'SCR-04': {
    es: 'Durante el embarazo, el posparto o la lactancia, consulta con tu médico o matrona antes de cambiar tu ejercicio o tu alimentación.',
    en: 'During pregnancy, after giving birth or while breastfeeding, check with your doctor or midwife before changing your exercise or your diet.',
  },
  'SCR-05': {
    es: 'Si la comida, el peso o tu imagen te generan preocupación, habla con un profesional sanitario: tu plan no busca que comas menos de lo que necesitas.',
    en: 'If food, weight or body image worry you, talk to a health professional: your plan is not meant to make you eat less than you need.',
  },
  'SCR-06': {
    es: 'Tu plan no busca que pierdas peso; si bajas de peso sin querer, consulta con tu médico.',
    en: 'Your plan is not meant to make you lose weight; if you lose weight without trying, see your doctor.',
  },
  'SCR-07': {
    es: 'Tu alimentación es una orientación general: para una dieta adaptada a una enfermedad, consulta con un dietista-nutricionista.',
    en: 'Your eating plan is general guidance: for a diet adapted to a medical condition, see a registered dietitian.',
  },
  'SCR-08': {
    es: 'Si usas insulina u otra medicación que baja el azúcar en sangre, mide tu glucosa antes de entrenar y sigue el protocolo que te haya indicado tu médico.',
    en: 'If you use insulin or another medicine that lowers blood sugar, check your glucose before training and follow the plan your doctor gave you.',
  },
  'SCR-09': {
    es: 'Consulta con tu médico antes de cambiar la cantidad de proteína de tu dieta.',
    en: 'See your doctor before changing how much protein you eat.',
  },
};

/** `zones`: the injured zones' labels, already joined ("rodilla y muñeca"); absent when none is known. */
const INJURY: Record<ClientPlanLanguage, (zones: string | undefined) => string> = {
  es: (zones) =>
    `${zones ? `Lesión declarada (${zones})` : 'Has declarado una lesión'}: si un ejercicio te provoca dolor, detente y consúltalo con tu fisioterapeuta o tu médico.`,
  en: (zones) =>
    `${zones ? `You have an injury (${zones})` : 'You have declared an injury'}: if an exercise causes pain, stop and check with your physiotherapist or doctor.`,
};

const AVOIDED: Record<ClientPlanLanguage, (list: string) => string> = {
  es: (list) => `Tu menú no incluye ${list}. Revisa siempre las etiquetas de los productos envasados.`,
  en: (list) => `Your menu leaves out ${list}. Always check the labels of packaged foods.`,
};

const GROUP_LABELS = foodGroupsJson.groups as Readonly<Record<string, { label: Bilingual }>>;

function avoidedGroups(view: NutritionView | undefined, language: ClientPlanLanguage): string[] {
  const facts = view?.profile?.datos;
  if (!facts) return [];
  // An intolerance the menu cannot be checked against (fructose, "otra") and a non-food allergy
  // (pollen, latex) leave nothing out of the menu, so they are not listed.
  const ids = [...facts.alergias, ...facts.intolerancias.flatMap((i) => intoleranceGroups(i) ?? [])];
  const labels = ids.map((id) =>
    id.startsWith('alimento:')
      ? otherFoodLabel(id.slice('alimento:'.length), language)
      : GROUP_LABELS[id]?.label[language],
  );
  return [...new Set(labels.filter((l): l is string => l !== undefined))];
}

/**
 * The screening checks that did not pass: those the caller names (read from the job), else those the
 * nutrition plan stored — the training plan keeps no screening of its own.
 */
export function failedScreening(
  nutrition: NutritionView | undefined,
  given: readonly string[] | undefined,
): string[] {
  const stored = (nutrition?.profile?.datos.screening.checks ?? []).filter((c) => !c.passed).map((c) => c.id);
  return [...new Set([...(given ?? []), ...stored])];
}

export function buildSafety(
  training: TrainingView | undefined,
  nutrition: NutritionView | undefined,
  language: ClientPlanLanguage,
  dict: Dictionary,
  screening?: readonly string[],
): ClientSafety {
  const notes: string[] = [];
  const injured = (training?.summary?.perfil.lesiones ?? []).filter((i) => i.estado !== 'recuperada');
  if (injured.length > 0) {
    // A zone without a label (an older plan's free text) is never printed as its code.
    const zones = [
      ...new Set(injured.map((i) => zoneLabel(i.zona, language)).filter((z): z is string => z !== undefined)),
    ];
    notes.push(INJURY[language](zones.length > 0 ? joinList(zones, dict.and) : undefined));
  }
  for (const prehab of training?.summary?.prehab ?? []) {
    const text = clientText(prehab.recomendacion);
    if (text) notes.push(text);
  }
  for (const id of failedScreening(nutrition, screening)) {
    const note = SCREENING_NOTES[id];
    if (note) notes.push(note[language]);
  }
  const avoided = avoidedGroups(nutrition, language);
  if (avoided.length > 0) notes.push(AVOIDED[language](joinList(avoided, dict.and)));
  return { notes: [...new Set(notes)], disclaimer: dict.disclaimer };
}
