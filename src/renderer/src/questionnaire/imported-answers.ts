import { settleOptionalAnswers } from '@shared/loose-answers';
import { TYPED_NUMBER_RANGES, type LooseAnswerReason } from '@shared/questionnaire';
import { FORM_FIELD_NAMES, toResponses, type ResponsesForm } from './fields';

/*
 * Optional answers that came in a file (or an earlier submission) in a shape the form's inputs do
 * not hold: "Mancuernas, bandas y esterilla", "Menisco sin terminar de curar", a sleep quality of
 * "9". The form is filled with what the shared lenient reader (`settleOptionalAnswers`) understood
 * with certainty, so its strict validation never reports a value its inputs do not show; each
 * answer it did not fully understand travels beside the form, verbatim, and is submitted as it
 * came unless the coach writes a value of their own or removes it. Nothing the client wrote is lost.
 */

/** One optional answer the form could not take as it came. */
export interface ImportedAnswer {
  field: string;
  /** Exactly as it came. */
  value: unknown;
  reason: LooseAnswerReason;
  /** What the field's input was filled with (the understood part), if anything. */
  prefill: unknown;
  /**
   * Whether the form has an input for it. The others are sent as they came, like every other key
   * the form does not show.
   */
  inForm: boolean;
}

/** The coach's decision on an imported answer: keep its text as it came, or remove it. */
export type ImportDecision = 'kept' | 'dropped';

export interface ImportedAnswers {
  answers: readonly ImportedAnswer[];
  /** By field; absent while the coach has not decided. */
  decisions: Readonly<Record<string, ImportDecision>>;
}

export const NO_IMPORTED_ANSWERS: ImportedAnswers = { answers: [], decisions: {} };

/**
 * Where an imported answer stands now:
 *  - `pending`: to confirm; sent as it came;
 *  - `kept`: the coach confirmed its text; sent as it came;
 *  - `replaced`: the coach changed the input; what the input holds is sent instead;
 *  - `dropped`: the coach removed it; what the input holds (possibly nothing) is sent.
 */
export type ImportStatus = 'pending' | 'kept' | 'replaced' | 'dropped';

export interface PreparedAnswers {
  /** The form's values: every known optional answer typed, or absent. */
  values: ResponsesForm;
  imported: ImportedAnswer[];
}

/** Answers (imported or from an earlier submission) split into the form's values and the rest. */
export function prepareAnswers(raw: Record<string, unknown>, lang: 'es' | 'en'): PreparedAnswers {
  const settled = settleOptionalAnswers(raw, lang);
  const imported = settled.looseAnswers.map((loose): ImportedAnswer => {
    const inForm = FORM_FIELD_NAMES.has(loose.field);
    return {
      field: loose.field,
      value: loose.value,
      reason: loose.reason,
      prefill: inForm ? settled.responses[loose.field] : undefined,
      inForm,
    };
  });
  // A key the form has no input for goes back as it came, not as our reading of it.
  const aside = new Set(imported.filter((answer) => !answer.inForm).map((answer) => answer.field));
  const values = Object.fromEntries(Object.entries(settled.responses).filter(([key]) => !aside.has(key)));
  return { values, imported };
}

/** Whether the coach is asked about it: health answers read with certainty are not. */
export function needsConfirmation(answer: ImportedAnswer): boolean {
  return answer.inForm && answer.reason !== 'normalised';
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isDeepEqual(item, b[index]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const left = Object.entries(a);
  const right = b as Record<string, unknown>;
  return (
    left.length === Object.keys(right).length &&
    left.every(
      ([key, value]) => Object.prototype.hasOwnProperty.call(right, key) && isDeepEqual(value, right[key]),
    )
  );
}

/** The same answer once submitted (an empty input and an absent answer are the same). */
function sameAnswer(field: string, a: unknown, b: unknown): boolean {
  return isDeepEqual(toResponses({ [field]: a })[field], toResponses({ [field]: b })[field]);
}

/** Where `answer` stands, given the coach's decision and what its input holds now. */
export function importStatus(
  answer: ImportedAnswer,
  decision: ImportDecision | undefined,
  current: unknown,
): ImportStatus {
  if (decision === 'dropped') return 'dropped';
  // What the coach writes in the input replaces the imported text; what the input shows is what is
  // sent, so emptying it again (or adding an empty list item) brings the imported text back.
  if (!sameAnswer(answer.field, current, answer.prefill)) return 'replaced';
  return decision === 'kept' ? 'kept' : 'pending';
}

/** The imported answers still to confirm, in the order they came. */
export function pendingAnswers(imports: ImportedAnswers, values: ResponsesForm): ImportedAnswer[] {
  return imports.answers.filter(
    (answer) =>
      needsConfirmation(answer) &&
      importStatus(answer, imports.decisions[answer.field], values[answer.field]) === 'pending',
  );
}

/**
 * What is submitted: the form's answers (`toResponses`), with every imported answer the coach did
 * not replace or remove put back exactly as it came — the server keeps it for review.
 */
export function submittedResponses(values: ResponsesForm, imports: ImportedAnswers): Record<string, unknown> {
  const out = new Map(Object.entries(toResponses(values)));
  for (const answer of imports.answers) {
    const status = answer.inForm
      ? importStatus(answer, imports.decisions[answer.field], values[answer.field])
      : 'pending';
    if (status === 'pending' || status === 'kept') out.set(answer.field, answer.value);
  }
  // fromEntries defines keys: an imported "__proto__" answer stays an answer, not a prototype.
  return Object.fromEntries(out);
}

/** A number field's range as the note shows it: "3–12 h", "1–5" (decimal comma in Spanish). */
export function rangeText(field: string, lang: 'es' | 'en'): string | null {
  if (!Object.prototype.hasOwnProperty.call(TYPED_NUMBER_RANGES, field)) return null;
  const range = TYPED_NUMBER_RANGES[field as keyof typeof TYPED_NUMBER_RANGES];
  const number = (n: number) => (lang === 'es' ? String(n).replace('.', ',') : String(n));
  const unit = 'unit' in range ? ` ${range.unit}` : '';
  return `${number(range.min)}–${number(range.max)}${unit}`;
}
