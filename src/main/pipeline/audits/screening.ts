import type { AuditCheckResult, Screening } from '@shared/plan-content';
import type { NormalizedResponses } from '@shared/questionnaire';
import { ageInYears, parseCalendarDate } from '@shared/questionnaire-validation';
import {
  correctionsOf,
  PREGNANCY_STATES,
  readQuestionnaire,
  type Finding,
  type QuestionnaireReading,
} from '@shared/reading';
import { checkResult as check } from './check';
import { fmt, parseYesNo } from './text';

/*
 * Screening (docs/DOMAIN.md "Screening"; rules SCR-01…SCR-10 in docs/AUDITS.md "1. Screening (SCR-\*)
 * — before generation"): runs on the validated questionnaire before any agent, so a case that needs a
 * professional first fails the job with `screening_required` without spending tokens
 * (docs/ARCHITECTURE.md "Job lifecycle"). Every rule yields exactly one check,
 * passed or not, so the coach sees what was looked at and not only what went wrong.
 *
 * Release rules (what lets a blocked case through):
 *  - SCR-01/02 (clearance-type): a recorded medical clearance, `autorizacion_medica.tiene = true`
 *    with a `fecha` not in the future. The check then stays visible as a warning.
 *  - SCR-03 (minor): the guardian's consent, `consentimientos.tutor_legal = true`.
 *  - SCR-04 (pregnancy/postpartum/lactation): a goal that is not fat loss; never a deficit.
 *  - SCR-05 (eating-disorder risk): clearance AND a goal that is not weight loss — a clearance
 *    alone does not make a deficit safe for someone at risk of an eating disorder.
 *  - SCR-06 (underweight with a loss goal), SCR-09 (CKD): nothing in the questionnaire releases
 *    them; the coach must change the goal (SCR-06) or refer (SCR-09).
 *  - SCR-10 (answers the reader could not classify that could hide a red flag): the coach's
 *    confirmation or correction of each answer, stored with the submission.
 *
 * Free-text answers count exactly like the typed fields: every check reads the questionnaire
 * through the safety-first reader (src/shared/reading), so "me desmayé en spinning" written under
 * "comentarios" is PAR-Q+ question 3 answered "sí".
 */

export interface ScreeningOptions {
  /** Reference time for age and clearance dates (tests pass a fixed date). */
  now: Date;
  /**
   * What the reader understood from every answer, with the coach's corrections applied; read from
   * `responses` when absent. Free-text declarations count exactly like the typed fields.
   */
  reading?: QuestionnaireReading;
}

/** EFSA 2015: habitual intake for healthy adults; single doses are checked by NUT-17. */
export const ADULT_CAFFEINE_LIMIT_MG = 400;
/** EFSA 2015: pregnancy and lactation. */
export const PREGNANCY_CAFFEINE_LIMIT_MG = 200;
/** EFSA 2015: children and adolescents, per kg of body weight. */
export const MINOR_CAFFEINE_MG_PER_KG = 3;

const PARQ_QUESTIONS = {
  p1: 'cardiopatía o tensión alta diagnosticada',
  p2: 'dolor torácico en reposo, en la vida diaria o al hacer ejercicio',
  p3: 'pérdida de equilibrio por mareo o pérdida de conocimiento en los últimos 12 meses',
  p4: 'otra enfermedad crónica diagnosticada',
  p5: 'medicación prescrita para una enfermedad crónica',
  p6: 'problema de huesos, articulaciones o tejidos blandos en los últimos 12 meses que la actividad podría empeorar',
  p7: 'un médico le indicó hacer solo actividad supervisada',
} as const;

/** Original-format yes/no answers that correspond to a PAR-Q+ question (only when `parq` is absent). */
const LEGACY_PARQ_ANSWERS: readonly {
  key: string;
  question: keyof typeof PARQ_QUESTIONS;
  blocks: boolean;
}[] = [
  // "¿Algún problema que impida hacer ejercicio?" is the closest to PAR-Q+ 7: it blocks.
  { key: 'problema_ejercicio', question: 'p7', blocks: true },
  // The rest are broader than their PAR-Q+ question (any chronic disease, any medication, any
  // muscular problem), so they ask the coach to complete the PAR-Q+ instead of blocking.
  { key: 'enfermedad_cronica', question: 'p4', blocks: false },
  { key: 'epilepsia', question: 'p4', blocks: false },
  { key: 'problemas_respiratorios', question: 'p4', blocks: false },
  { key: 'medicamentos', question: 'p5', blocks: false },
  { key: 'problemas_musculares', question: 'p6', blocks: false },
  { key: 'hernias_protusiones', question: 'p6', blocks: false },
  { key: 'artrosis', question: 'p6', blocks: false },
  { key: 'osteoporosis', question: 'p6', blocks: false },
  { key: 'operaciones', question: 'p6', blocks: false },
  { key: 'lesiones_actuales', question: 'p6', blocks: false },
  { key: 'lesiones_text', question: 'p6', blocks: false },
];

/** ACSM pre-participation screening: cardiovascular, metabolic (diabetes) and renal disease. */
const CV_METABOLIC_RENAL = {
  cardiopatia: 'cardiopatía',
  hipertension: 'hipertensión',
  diabetes_t1: 'diabetes tipo 1',
  diabetes_t2: 'diabetes tipo 2',
  enfermedad_renal: 'enfermedad renal',
} as const;
type Responses = NormalizedResponses;

function text(responses: Responses, key: string): string | null {
  const value: unknown = (responses as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

interface Clearance {
  valid: boolean;
  /** Why it does not count, or its date. */
  detail: string;
}

function clearanceOf(responses: Responses, now: Date): Clearance {
  const clearance = responses.autorizacion_medica;
  if (!clearance || clearance.tiene !== true)
    return { valid: false, detail: 'sin autorización médica registrada' };
  const date = clearance.fecha ? parseCalendarDate(clearance.fecha) : null;
  if (!date || !clearance.fecha) {
    return {
      valid: false,
      detail: 'la autorización médica no tiene fecha (se exige fecha para darla por válida)',
    };
  }
  const today = now.toISOString().slice(0, 10);
  if (clearance.fecha > today) {
    return { valid: false, detail: `la autorización médica tiene fecha futura (${clearance.fecha})` };
  }
  return { valid: true, detail: `autorización médica registrada el ${clearance.fecha}` };
}

/**
 * Any goal that mentions losing weight counts here, even when the plan reads it as recomposition
 * ("ganar músculo y definir"): for the cases screening gates, the cautious reading is the right one.
 */
function isLossGoal(responses: Responses, reading: QuestionnaireReading): boolean {
  if (responses.objetivo_principal === 'perder_grasa') return true;
  if (reading.goal.objetivo === 'perder_grasa' || reading.goal.mentions_loss) return true;
  const target = responses.peso_objetivo_kg;
  return typeof target === 'number' && target < responses.peso;
}

/** Findings of one topic read from free text or the coach's corrections (typed ones are read as typed). */
function readFacts(
  reading: QuestionnaireReading,
  topic: Finding['topic'],
  codes?: readonly string[],
): Finding[] {
  return reading.findings.filter(
    (finding) =>
      finding.topic === topic && finding.source !== 'typed' && (!codes || codes.includes(finding.code)),
  );
}

const quoted = (finding: Finding) => `${finding.field}: «${finding.text.trim()}»`;

function ageOf(responses: Responses, now: Date): number | null {
  const birth = parseCalendarDate(responses.fecha_nacimiento);
  return birth ? ageInYears(birth, now) : null;
}

function bmiOf(responses: Responses): number {
  const metres = responses.altura_cm / 100;
  return responses.peso / (metres * metres);
}

// ---- SCR-01 PAR-Q+ ----

/** PAR-Q+ red flags written as free text anywhere (chest pain, fainting, heart, supervised only). */
function textRedFlags(reading: QuestionnaireReading): Map<keyof typeof PARQ_QUESTIONS, Finding> {
  const flags = new Map<keyof typeof PARQ_QUESTIONS, Finding>();
  for (const finding of readFacts(reading, 'parq')) {
    const question = finding.code as keyof typeof PARQ_QUESTIONS;
    if (Object.prototype.hasOwnProperty.call(PARQ_QUESTIONS, question) && !flags.has(question)) {
      flags.set(question, finding);
    }
  }
  return flags;
}

function scr01(responses: Responses, clearance: Clearance, reading: QuestionnaireReading): AuditCheckResult {
  const parq = responses.parq;
  const written = textRedFlags(reading);
  const typedYes = parq
    ? (Object.keys(PARQ_QUESTIONS) as (keyof typeof PARQ_QUESTIONS)[]).filter((key) => parq[key])
    : [];
  // A red flag written in any answer counts like the ticked question, even if the form says "no".
  const yes = [...new Set([...typedYes, ...written.keys()])].sort();
  if (yes.length > 0) {
    const list = yes
      .map((key) => {
        const finding = written.get(key);
        const source = finding && !typedYes.includes(key) ? ` (${quoted(finding)})` : '';
        return `${key.toUpperCase()} ${PARQ_QUESTIONS[key]}${source}`;
      })
      .join('; ');
    if (clearance.valid) {
      return check('SCR-01', 'warn', false, `PAR-Q+ con respuestas «sí» (${list}); ${clearance.detail}.`);
    }
    return check(
      'SCR-01',
      'block',
      false,
      `PAR-Q+ con respuestas «sí» (${list}): hace falta autorización médica antes de generar el plan (${clearance.detail}).`,
    );
  }
  if (parq) return check('SCR-01', 'block', true, 'PAR-Q+: todas las respuestas son «no».');
  const legacyYes = LEGACY_PARQ_ANSWERS.filter(({ key }) => parseYesNo(text(responses, key)) === 'si');
  const blocking = legacyYes.filter(({ blocks }) => blocks);
  const describe = (items: typeof legacyYes) =>
    items.map(({ key }) => `${key}: «${text(responses, key) ?? ''}»`).join('; ');
  if (blocking.length > 0 && !clearance.valid) {
    return check(
      'SCR-01',
      'block',
      false,
      `Cuestionario original: ${describe(blocking)} (equivale a PAR-Q+ P7). Hace falta autorización médica (${clearance.detail}).`,
    );
  }
  if (legacyYes.length > 0) {
    return check(
      'SCR-01',
      'warn',
      false,
      `Sin PAR-Q+; respuestas del cuestionario original que el PAR-Q+ trataría como «sí»: ${describe(legacyYes)}. ` +
        `Revisar y completar el PAR-Q+${clearance.valid ? ` (${clearance.detail})` : ''}.`,
    );
  }
  return check(
    'SCR-01',
    'warn',
    false,
    'No consta el PAR-Q+ y el cuestionario no declara problemas de salud: conviene completarlo antes de entrenar.',
  );
}

// ---- SCR-02 known cardiovascular / metabolic / renal disease ----

function declaredDiseases(responses: Responses, reading: QuestionnaireReading): string[] {
  const found = new Set<string>();
  for (const pathology of responses.patologias ?? []) {
    if (pathology in CV_METABOLIC_RENAL)
      found.add(CV_METABOLIC_RENAL[pathology as keyof typeof CV_METABOLIC_RENAL]);
  }
  for (const finding of readFacts(reading, 'patologia', Object.keys(CV_METABOLIC_RENAL))) {
    const label = CV_METABOLIC_RENAL[finding.code as keyof typeof CV_METABOLIC_RENAL];
    found.add(`${label} (${quoted(finding)})`);
  }
  return [...found];
}

function scr02(responses: Responses, clearance: Clearance, reading: QuestionnaireReading): AuditCheckResult {
  const diseases = declaredDiseases(responses, reading);
  if (diseases.length === 0) {
    return check('SCR-02', 'block', true, 'No declara enfermedad cardiovascular, metabólica ni renal.');
  }
  const list = diseases.join(', ');
  if (clearance.valid) {
    return check(
      'SCR-02',
      'warn',
      false,
      `Enfermedad declarada (${list}) con ${clearance.detail}: respetar las indicaciones del médico sobre intensidad.`,
    );
  }
  return check(
    'SCR-02',
    'block',
    false,
    `Enfermedad declarada (${list}): el ACSM pide autorización médica antes de ejercicio moderado o vigoroso (${clearance.detail}).`,
  );
}

// ---- SCR-03 minors ----

function scr03(responses: Responses, age: number | null): AuditCheckResult {
  if (age === null) {
    return check(
      'SCR-03',
      'block',
      false,
      'No se puede calcular la edad a partir de la fecha de nacimiento.',
    );
  }
  if (age >= 18) return check('SCR-03', 'block', true, `Mayor de edad (${age} años).`);
  const caffeine = fmt(MINOR_CAFFEINE_MG_PER_KG * responses.peso, 0);
  const limits = `sin déficit calórico y cafeína ≤ ${MINOR_CAFFEINE_MG_PER_KG} mg/kg (${caffeine} mg/día)`;
  if (responses.consentimientos?.tutor_legal === true) {
    return check(
      'SCR-03',
      'warn',
      false,
      `Menor de edad (${age} años) con consentimiento del tutor legal: ${limits}, programa adaptado a su edad y supervisión cualificada.`,
    );
  }
  return check(
    'SCR-03',
    'block',
    false,
    `Menor de edad (${age} años) sin consentimiento del tutor legal registrado; además: ${limits}.`,
  );
}

// ---- SCR-04 pregnancy / postpartum / lactation ----

type PregnancyState = 'embarazo' | 'posparto_6m' | 'lactancia';

const PREGNANCY_LABEL: Record<PregnancyState, string> = {
  embarazo: 'embarazo',
  posparto_6m: 'posparto (≤ 6 meses)',
  lactancia: 'lactancia',
};

interface PregnancyReading {
  state: PregnancyState | null;
  source: string;
  /** Obstetric warning signs or contraindications written in an answer (ACOG CO 804). */
  complication: Finding | null;
}

function pregnancyState(responses: Responses, reading: QuestionnaireReading): PregnancyReading {
  // The original only asks women; a pregnancy written by a man is about someone else.
  const written = responses.sexo === 'Hombre' ? [] : readFacts(reading, 'embarazo');
  const complication = written.find((finding) => finding.code === 'complicacion') ?? null;
  const typed = responses.embarazo_lactancia;
  if (typed && typed !== 'no') return { state: typed, source: 'embarazo_lactancia', complication };
  // The most specific state wins: "embarazo: Lactancia" answers the pregnancy question with lactation.
  const stated = PREGNANCY_STATES.map((state) => written.find((finding) => finding.code === state)).find(
    (finding) => finding !== undefined,
  );
  if (stated) return { state: stated.code as PregnancyState, source: quoted(stated), complication };
  // A complication names a pregnancy even when no other word did ("placenta previa").
  if (complication) return { state: 'embarazo', source: quoted(complication), complication };
  return { state: null, source: '', complication: null };
}

function scr04(pregnancy: PregnancyReading, lossGoal: boolean, clearance: Clearance): AuditCheckResult {
  const { state, source, complication } = pregnancy;
  if (!state) return check('SCR-04', 'block', true, 'No declara embarazo, posparto ni lactancia.');
  // Capitalised: it starts the reason.
  const label = PREGNANCY_LABEL[state].charAt(0).toUpperCase() + PREGNANCY_LABEL[state].slice(1);
  const rules = `sin déficit calórico, cafeína ≤ ${PREGNANCY_CAFFEINE_LIMIT_MG} mg/día y vigilar señales de alarma (sangrado, contracciones, mareo, dolor torácico)`;
  if (lossGoal) {
    return check(
      'SCR-04',
      'block',
      false,
      `${label} (${source}) con objetivo de pérdida de grasa: no se genera un plan con déficit; cambiar el objetivo y contar con el visto bueno obstétrico.`,
    );
  }
  if (complication && !clearance.valid) {
    return check(
      'SCR-04',
      'block',
      false,
      `${label} con complicación declarada (${quoted(complication)}): hace falta el visto bueno obstétrico antes de generar el plan (${clearance.detail}).`,
    );
  }
  return check('SCR-04', 'warn', false, `${label} (${source}): ${rules}.`);
}

// ---- SCR-05 eating-disorder risk / REDs ----

function scr05(
  responses: Responses,
  clearance: Clearance,
  lossGoal: boolean,
  reading: QuestionnaireReading,
): AuditCheckResult {
  const reasons: string[] = [];
  const scoff = responses.scoff;
  if (scoff) {
    const yes = (['s1', 's2', 's3', 's4', 's5'] as const).filter((key) => scoff[key]).length;
    if (yes >= 2) reasons.push(`SCOFF con ${yes} de 5 respuestas «sí», umbral 2`);
  }
  for (const finding of readFacts(reading, 'tca')) {
    reasons.push(`signo de trastorno alimentario en ${quoted(finding)}`);
  }
  if (responses.ciclo_menstrual === 'amenorrea_3m') reasons.push('amenorrea ≥ 3 meses (signo de REDs)');
  if (reasons.length === 0) {
    return check(
      'SCR-05',
      'block',
      true,
      scoff
        ? 'SCOFF por debajo del umbral y sin antecedentes de TCA.'
        : 'Sin antecedentes de TCA declarados (no consta SCOFF).',
    );
  }
  const list = reasons.join('; ');
  if (clearance.valid && !lossGoal) {
    return check(
      'SCR-05',
      'warn',
      false,
      `Riesgo de trastorno alimentario (${list}) con ${clearance.detail}: nunca déficit calórico; seguimiento profesional.`,
    );
  }
  return check(
    'SCR-05',
    'block',
    false,
    `Riesgo de trastorno alimentario (${list}): no se genera un plan de pérdida de peso; derivar a un profesional sanitario` +
      `${lossGoal ? ' y retirar el objetivo de pérdida' : ''} (${clearance.detail}).`,
  );
}

// ---- SCR-06 / SCR-07 BMI ----

function scr06(bmi: number, lossGoal: boolean): AuditCheckResult {
  if (bmi >= 18.5) return check('SCR-06', 'block', true, `IMC ${fmt(bmi)} (≥ 18,5).`);
  const refer = bmi < 17 ? ' Delgadez moderada o severa (IMC < 17): derivar a un profesional sanitario.' : '';
  if (lossGoal) {
    return check(
      'SCR-06',
      'block',
      false,
      `IMC ${fmt(bmi)} (bajo peso, < 18,5) con objetivo de pérdida de peso: no se permite déficit.${refer}`,
    );
  }
  return check('SCR-06', 'warn', false, `IMC ${fmt(bmi)} (bajo peso, < 18,5): sin déficit calórico.${refer}`);
}

function scr07(responses: Responses, bmi: number, reading: QuestionnaireReading): AuditCheckResult {
  // Typed or written: "tengo la tensión alta" routes the diet like the ticked box.
  const pathologies = [
    ...new Set([
      ...(responses.patologias ?? []),
      ...readFacts(reading, 'patologia').map((finding) => finding.code),
    ]),
  ].filter((p) =>
    ['diabetes_t1', 'diabetes_t2', 'hipertension', 'enfermedad_renal', 'cardiopatia'].includes(p),
  );
  const spain = !responses.pais || responses.pais === 'ES';
  const route = spain
    ? 'en España la dieta de una patología es acto del dietista-nutricionista: dar solo orientación general o derivar'
    : 'derivar la pauta dietética a un profesional sanitario';
  if (bmi >= 30) {
    const severe = bmi >= 40 || (bmi >= 35 && pathologies.length > 0) ? ' Requiere supervisión médica.' : '';
    return check('SCR-07', 'warn', false, `IMC ${fmt(bmi)} (obesidad): ${route}.${severe}`);
  }
  if (pathologies.length > 0) {
    return check('SCR-07', 'warn', false, `Patología declarada (${pathologies.join(', ')}): ${route}.`);
  }
  return check(
    'SCR-07',
    'warn',
    true,
    `IMC ${fmt(bmi)} (< 30) sin patología que requiera derivación dietética.`,
  );
}

// ---- SCR-08 insulin / sulfonylureas ----

function scr08(responses: Responses, reading: QuestionnaireReading): AuditCheckResult {
  const found = new Set<string>();
  for (const finding of reading.findings) {
    if (finding.topic === 'medicacion' && finding.code === 'hipoglucemiante')
      found.add(`«${finding.text.trim()}»`);
  }
  // Type 1 diabetes is always treated with insulin, even if the medication list is empty.
  const type1 = reading.findings.some((f) => f.topic === 'patologia' && f.code === 'diabetes_t1');
  if (type1 || (responses.patologias ?? []).includes('diabetes_t1')) found.add('insulina (diabetes tipo 1)');
  if (found.size === 0) return check('SCR-08', 'warn', true, 'Sin insulina ni sulfonilureas declaradas.');
  return check(
    'SCR-08',
    'warn',
    false,
    `Toma ${[...found].join(', ')}: riesgo de hipoglucemia con el ejercicio. No entrenar con glucosa < 2,9 mmol/L ` +
      'o tras una hipoglucemia grave en las últimas 24 h; tratar 2,9–3,9 mmol/L antes de empezar; pedir pauta al médico.',
  );
}

// ---- SCR-09 chronic kidney disease ----

function scr09(responses: Responses, reading: QuestionnaireReading): AuditCheckResult {
  const typed = (responses.patologias ?? []).includes('enfermedad_renal');
  const written = readFacts(reading, 'patologia', ['enfermedad_renal'])[0];
  if (!typed && !written) return check('SCR-09', 'block', true, 'No declara enfermedad renal.');
  const source = typed ? 'patologías: enfermedad_renal' : written ? quoted(written) : '';
  return check(
    'SCR-09',
    'block',
    false,
    `Enfermedad renal (${source}): contraindica una dieta alta en proteína (KDOQI 0,55–0,8 g/kg); derivar a nefrología o a un dietista-nutricionista.`,
  );
}

// ---- SCR-10 answers the reader could not classify ----

/** Open questions that could hide a red flag: no plan until the coach answers them. */
const BLOCKING_REVIEW_TOPICS = new Set(['parq', 'tca', 'embarazo', 'patologia']);

function scr10(reading: QuestionnaireReading): AuditCheckResult {
  const items = reading.needs_review;
  if (items.length === 0) {
    return check('SCR-10', 'block', true, 'Todas las respuestas de salud se han entendido sin dudas.');
  }
  const list = items.map((item) => `${item.field}: «${item.text.trim()}»`).join('; ');
  const blocking = items.some((item) => BLOCKING_REVIEW_TOPICS.has(item.topic));
  const resolve = 'confírmalas o corrígelas en la ficha del cliente («Entendido») y vuelve a generar';
  if (blocking) {
    return check(
      'SCR-10',
      'block',
      false,
      `Respuestas de salud que la app no puede clasificar con certeza (${list}): ${resolve}.`,
    );
  }
  return check(
    'SCR-10',
    'warn',
    false,
    `Respuestas por confirmar (${list}): el plan las trata como restricciones hasta que el coach las resuelva; ${resolve}.`,
  );
}

/**
 * Screens a validated questionnaire (`validateQuestionnaire(...).data.responses`) for the cases that
 * need a professional before any plan. `blocked` is true when any block-severity check failed.
 */
export function screenQuestionnaire(responses: NormalizedResponses, opts: ScreeningOptions): Screening {
  const reading = opts.reading ?? readQuestionnaire(responses);
  const clearance = clearanceOf(responses, opts.now);
  const age = ageOf(responses, opts.now);
  const bmi = bmiOf(responses);
  const lossGoal = isLossGoal(responses, reading);
  const pregnancy = pregnancyState(responses, reading);

  const checks = [
    scr01(responses, clearance, reading),
    scr02(responses, clearance, reading),
    scr03(responses, age),
    scr04(pregnancy, lossGoal, clearance),
    scr05(responses, clearance, lossGoal, reading),
    scr06(bmi, lossGoal),
    scr07(responses, bmi, reading),
    scr08(responses, reading),
    scr09(responses, reading),
    scr10(reading),
  ];
  const failed = (id: string) => checks.some((result) => result.id === id && !result.passed);

  const minor = age === null || age < 18;
  const pregnant = pregnancy.state !== null;
  const limits = [ADULT_CAFFEINE_LIMIT_MG];
  if (pregnant) limits.push(PREGNANCY_CAFFEINE_LIMIT_MG);
  if (minor) limits.push(Math.round(MINOR_CAFFEINE_MG_PER_KG * responses.peso));

  return {
    blocked: checks.some((result) => result.severity === 'block' && !result.passed),
    checks,
    // No deficit for minors, pregnancy/postpartum/lactation, eating-disorder risk and underweight.
    no_deficit: minor || pregnant || failed('SCR-05') || failed('SCR-06'),
    caffeine_limit_mg: Math.min(...limits),
  };
}

/** The job's `error_message` for `screening_required`: one line per blocking reason (docs/ARCHITECTURE.md "Job lifecycle"). */
export function screeningMessage(screening: Screening): string {
  const blocking = screening.checks.filter((result) => result.severity === 'block' && !result.passed);
  if (blocking.length === 0) return '';
  return [
    'El cuestionario requiere revisión profesional antes de generar el plan:',
    ...blocking.map((result) => `• ${result.id}: ${result.reason}`),
  ].join('\n');
}

/**
 * A stored questionnaire read and screened as a job does: every answer read once, with the coach's
 * corrections, then the screening checks on the validated answers. The pipeline and the client PDF
 * (which notes from the screening apply to the client) both start here.
 */
export function readAndScreen(
  raw: Readonly<Record<string, unknown>>,
  responses: NormalizedResponses,
  now: Date,
): { reading: QuestionnaireReading; screening: Screening } {
  const reading = readQuestionnaire(raw['responses'], { corrections: correctionsOf(raw) });
  return { reading, screening: screenQuestionnaire(responses, { now, reading }) };
}
