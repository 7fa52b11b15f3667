import type { z } from 'zod';
import {
  ALTURA_CM_RANGE,
  COUNTRY_CODE_PATTERN,
  EDAD_ANOS_RANGE,
  HHMM_PATTERN,
  NormalizedQuestionnaireSchema,
  OptionalResponsesSchema,
  PESO_KG_RANGE,
  REQUIRED_RESPONSE_FIELDS,
  TYPED_NUMBER_RANGES,
  type NormalizedQuestionnaire,
  type NumberRange,
  type RequiredResponseField,
  type Sexo,
} from './questionnaire';
import { settleOptionalAnswers } from './loose-answers';
import { isPlainObject } from './plain-object';
import { describeReceived, MESSAGES, resolveLang, type Lang } from './validation-messages';

/*
 * The original system's questionnaire check (docs/ARCHITECTURE.md "Job lifecycle": an invalid questionnaire fails the job
 * with `error_reason: "validation_error"` and a message listing every problem). Required fields
 * are checked by hand because they arrive in the original's loose format and need normalising.
 * Optional fields depend on the mode: the original only requires its seven fields, so by default
 * ("lenient") an optional answer never fails — it is read where certain and otherwise kept in
 * `loose_answers` (src/shared/loose-answers/); the app's own form asks for "strict", where the
 * typed optional fields are checked by their zod schemas and the issues translated.
 */

export const VALIDATION_ERROR_REASON = 'validation_error';

export type QuestionnaireErrorCode =
  | 'missing'
  | 'empty'
  | 'invalid_type'
  | 'invalid_date'
  | 'future_date'
  | 'out_of_range'
  | 'invalid_email'
  | 'invalid_number'
  | 'invalid_value'
  /** The validator itself failed; reported instead of throwing. */
  | 'internal';

export interface QuestionnaireError {
  /** Dotted path: `document`, `_id`, `user_id`, `responses`, `responses.peso`, `responses.parq.p3`. */
  field: string;
  code: QuestionnaireErrorCode;
  /** In the requested language; names the field, what was expected and what was received. */
  message: string;
}

/**
 * `lenient` (default): optional answers never cause an error (HTTP and IPC submissions, a job's
 * re-validation of a stored questionnaire, the CLI). `strict`: a typed optional answer that does
 * not fit is reported per field (the app's own form, which can show each error on its input).
 */
export const OPTIONAL_FIELDS_MODES = ['lenient', 'strict'] as const;
export type OptionalFieldsMode = (typeof OPTIONAL_FIELDS_MODES)[number];

export interface ValidateQuestionnaireOptions {
  lang?: Lang;
  /** Reference time for "in the past" and age; defaults to the current time. */
  now?: Date;
  /** How optional answers are treated; `lenient` unless the caller says `strict`. */
  optionalFields?: OptionalFieldsMode;
}

export interface QuestionnaireValidationResult {
  isValid: boolean;
  errors: QuestionnaireError[];
  data: NormalizedQuestionnaire | null;
}

/** Every error `field` starts with one of these. */
export const ERROR_FIELD_ROOTS = ['document', '_id', 'user_id', 'responses'] as const;

/** Fields the formatter groups into one "missing" line, in this order. */
const GROUPABLE_REQUIRED_FIELDS: readonly string[] = [
  '_id',
  'user_id',
  'responses',
  ...REQUIRED_RESPONSE_FIELDS.map((key) => `responses.${key}`),
];

// ---------------------------------------------------------------------------------------------
// Normalisers (exported for the UI form and importers).
// ---------------------------------------------------------------------------------------------

const HOMBRE_ALIASES = new Set(['hombre', 'h', 'masculino', 'masc', 'm', 'varon', 'male', 'man']);
const MUJER_ALIASES = new Set(['mujer', 'f', 'femenino', 'femenina', 'fem', 'female', 'woman']);

/**
 * Canonical sexo from the variants found in real answers ("MUJER", "Femenino", "Varón", "F"…),
 * ignoring case, accents, surrounding spaces and a trailing dot. "M" follows the M/F convention
 * (Masculino → Hombre), not the Spanish H/M one; "H" is unambiguous and also means Hombre.
 */
export function normalizeSexo(value: string): Sexo | null {
  const key = value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\.$/, '');
  if (HOMBRE_ALIASES.has(key)) return 'Hombre';
  if (MUJER_ALIASES.has(key)) return 'Mujer';
  return null;
}

/**
 * Number from an answer such as 78.5, "78", "78.5", "78,5" or " 78,5 kg " (decimal comma or
 * point, optional trailing unit). Returns null when it is not a plain decimal number; range
 * checks are the caller's.
 */
export function parseMeasurement(value: string | number, unit: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // "78 kg." → "78 kg" → "78"
  let text = value.trim().toLowerCase().replace(/\.$/, '');
  const suffix = unit.trim().toLowerCase();
  if (suffix && text.endsWith(suffix)) text = text.slice(0, -suffix.length).trimEnd();
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction] = match;
  return Number(`${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A real `YYYY-MM-DD` calendar date (2023-02-30 is rejected), or null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/** Whole years from `birth` to `now`, by calendar date in UTC. */
export function ageInYears(birth: CalendarDate, now: Date): number {
  const [year, month, day] = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  const beforeBirthday = month < birth.month || (month === birth.month && day < birth.day);
  return year - birth.year - (beforeBirthday ? 1 : 0);
}

function isAfterToday(date: CalendarDate, now: Date): boolean {
  const ordinal = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;
  return (
    ordinal(date.year, date.month, date.day) >
    ordinal(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate())
  );
}

/** Deliberately permissive (one @, a dotted domain, no spaces): the coach sees the address anyway. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;

// ---------------------------------------------------------------------------------------------
// Validator.
// ---------------------------------------------------------------------------------------------

type PlainObject = Record<string, unknown>;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function ownValue(container: unknown, key: PropertyKey): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  return Object.prototype.hasOwnProperty.call(container, key)
    ? (container as Record<PropertyKey, unknown>)[key]
    : undefined;
}

class ErrorList {
  readonly errors: QuestionnaireError[] = [];
  constructor(readonly lang: Lang) {}

  get t() {
    return MESSAGES[this.lang];
  }

  add(field: string, code: QuestionnaireErrorCode, expected: string, received: unknown, note?: string): void {
    const label = field === 'document' ? this.t.documentLabel : field.replace(/^responses\./, '');
    const receivedText = describeReceived(received, this.lang) + (note ? ` (${note})` : '');
    const message =
      code === 'missing' ? this.t.missing(label, expected) : this.t.mismatch(label, expected, receivedText);
    this.errors.push({ field, code, message });
  }
}

function checkId(doc: PlainObject, key: '_id' | 'user_id', out: ErrorList): void {
  const value = ownValue(doc, key);
  if (isBlank(value)) out.add(key, 'missing', out.t.expect.id, value);
  else if (typeof value !== 'string') out.add(key, 'invalid_type', out.t.expect.id, value);
}

/** Required text answer, trimmed; pushes an error and returns undefined when unusable. */
function requiredText(
  responses: PlainObject,
  key: RequiredResponseField,
  expected: string,
  out: ErrorList,
): string | undefined {
  const value = ownValue(responses, key);
  const field = `responses.${key}`;
  if (isBlank(value)) {
    out.add(field, 'missing', expected, value);
    return undefined;
  }
  if (typeof value !== 'string') {
    out.add(field, 'invalid_type', expected, value);
    return undefined;
  }
  return value.trim();
}

function checkEmail(responses: PlainObject, out: ErrorList): void {
  const email = requiredText(responses, 'email', out.t.expect.email, out);
  if (email !== undefined && (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email))) {
    out.add('responses.email', 'invalid_email', out.t.expect.email, email);
  }
}

function checkBirthDate(responses: PlainObject, now: Date, out: ErrorList): void {
  const field = 'responses.fecha_nacimiento';
  const text = requiredText(responses, 'fecha_nacimiento', out.t.expect.fecha_nacimiento, out);
  if (text === undefined) return;
  const date = parseCalendarDate(text);
  if (!date) {
    out.add(field, 'invalid_date', out.t.expect.fecha_nacimiento, text);
    return;
  }
  if (isAfterToday(date, now)) {
    out.add(field, 'future_date', out.t.expect.fecha_pasada, text);
    return;
  }
  const age = ageInYears(date, now);
  if (age < EDAD_ANOS_RANGE.min || age > EDAD_ANOS_RANGE.max) {
    const expected = out.t.expect.edad(EDAD_ANOS_RANGE.min, EDAD_ANOS_RANGE.max);
    out.add(field, 'out_of_range', expected, text, out.t.received.age(age));
  }
}

function checkSexo(responses: PlainObject, out: ErrorList): void {
  const text = requiredText(responses, 'sexo', out.t.expect.sexo, out);
  if (text !== undefined && normalizeSexo(text) === null) {
    out.add('responses.sexo', 'invalid_value', out.t.expect.sexo, text);
  }
}

function checkMeasurement(
  responses: PlainObject,
  key: 'peso' | 'altura_cm',
  range: NumberRange,
  out: ErrorList,
): void {
  const field = `responses.${key}`;
  const expected = key === 'peso' ? out.t.expect.peso : out.t.expect.altura_cm;
  const value = ownValue(responses, key);
  if (isBlank(value)) return out.add(field, 'missing', expected, value);
  if (typeof value !== 'string' && typeof value !== 'number') {
    return out.add(field, 'invalid_type', expected, value);
  }
  const parsed = parseMeasurement(value, range.unit ?? '');
  if (parsed === null) return out.add(field, 'invalid_number', expected, value);
  if (parsed < range.min || parsed > range.max) {
    out.add(field, 'out_of_range', out.t.expect.range(range, out.lang), value);
  }
}

function checkRequiredResponses(responses: PlainObject, now: Date, out: ErrorList): void {
  requiredText(responses, 'nombre_completo', out.t.expect.nombre_completo, out);
  checkEmail(responses, out);
  checkBirthDate(responses, now, out);
  checkSexo(responses, out);
  checkMeasurement(responses, 'peso', PESO_KG_RANGE, out);
  checkMeasurement(responses, 'altura_cm', ALTURA_CM_RANGE, out);
  requiredText(responses, 'objetivo_fisico', out.t.expect.objetivo_fisico, out);
}

// ---- zod issues of the typed optional fields → QuestionnaireError ----

type ZodIssue = z.core.$ZodIssue;

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'symbol' ? (key.description ?? 'symbol') : String(key))).join('.');
}

function rangeFor(path: readonly PropertyKey[]): NumberRange | undefined {
  const key = pathText(path.filter((segment) => typeof segment !== 'number'));
  return Object.prototype.hasOwnProperty.call(TYPED_NUMBER_RANGES, key)
    ? TYPED_NUMBER_RANGES[key as keyof typeof TYPED_NUMBER_RANGES]
    : undefined;
}

function expectedFor(issue: ZodIssue, path: readonly PropertyKey[], out: ErrorList): string {
  const e = out.t.expect;
  const range = rangeFor(path);
  switch (issue.code) {
    case 'invalid_type': {
      if (range && (issue.expected === 'number' || issue.expected === 'int')) return e.range(range, out.lang);
      const byType: Record<string, string> = {
        string: e.text,
        number: e.number,
        int: e.integer,
        boolean: e.boolean,
        array: e.list,
        object: e.object,
        record: e.object,
        date: e.date,
      };
      return byType[issue.expected] ?? e.valid;
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string') return e.nonEmptyText;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.code === 'too_small'
          ? e.atLeastItems(Number(issue.minimum))
          : e.atMostItems(Number(issue.maximum));
      }
      if (range) return e.range(range, out.lang);
      return issue.code === 'too_small'
        ? e.atLeast(Number(issue.minimum), out.lang)
        : e.atMost(Number(issue.maximum), out.lang);
    }
    case 'invalid_format':
      if (issue.format === 'email') return out.t.expect.email;
      if (issue.format === 'date') return e.date;
      if (issue.pattern === String(HHMM_PATTERN)) return e.hhmm;
      if (issue.pattern === String(COUNTRY_CODE_PATTERN)) return e.country;
      return e.valid;
    case 'invalid_value':
      return e.oneOf(issue.values.map((value) => String(value)));
    case 'invalid_union': {
      // No option matched the value's type: list what each option would have accepted.
      const options = issue.errors
        .map((branch) => branch[0])
        .filter((first): first is ZodIssue => first !== undefined)
        .map((first) => expectedFor(first, [...path, ...first.path], out));
      return options.length > 0 ? e.either([...new Set(options)]) : e.valid;
    }
    default:
      return e.valid;
  }
}

function codeFor(issue: ZodIssue, received: unknown): QuestionnaireErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined ? 'missing' : 'invalid_type';
    case 'invalid_union':
      return 'invalid_type';
    case 'too_small':
      return issue.origin === 'string' ? 'missing' : 'out_of_range';
    case 'too_big':
      return 'out_of_range';
    case 'invalid_format':
      if (issue.format === 'email') return 'invalid_email';
      return issue.format === 'date' ? 'invalid_date' : 'invalid_value';
    default:
      return 'invalid_value';
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => ownValue(value, key), root);
}

function checkOptionalResponses(responses: PlainObject, out: ErrorList): void {
  const result = OptionalResponsesSchema.safeParse(responses);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const received = valueAt(responses, issue.path);
    const field = `responses.${pathText(issue.path)}`;
    out.add(field, codeFor(issue, received), expectedFor(issue, issue.path, out), received);
  }
}

// ---- entry points ----

function validate(
  doc: unknown,
  lang: Lang,
  now: Date,
  mode: OptionalFieldsMode,
): QuestionnaireValidationResult {
  const out = new ErrorList(lang);
  if (!isPlainObject(doc)) {
    out.add('document', 'invalid_type', out.t.expect.document, doc);
    return { isValid: false, errors: out.errors, data: null };
  }
  checkId(doc, '_id', out);
  checkId(doc, 'user_id', out);

  const responses = ownValue(doc, 'responses');
  if (responses === undefined || responses === null) {
    out.add('responses', 'missing', out.t.expect.responses, responses);
  } else if (!isPlainObject(responses)) {
    out.add('responses', 'invalid_type', out.t.expect.responses, responses);
  } else {
    if (Object.keys(responses).length === 0) {
      out.add('responses', 'empty', out.t.expect.responses, responses);
    }
    checkRequiredResponses(responses, now, out);
    if (mode === 'strict') checkOptionalResponses(responses, out);
  }
  if (out.errors.length > 0) return { isValid: false, errors: out.errors, data: null };
  return normalize(doc, responses as PlainObject, out);
}

/**
 * Optional answers in their typed form, and the ones that did not fit. In strict mode every known
 * answer already fits; only a `__proto__` answer can still be listed (no parsed object holds it).
 */
function settleOptional(responses: PlainObject, lang: Lang) {
  // Fast path: a questionnaire from the app's form (or a clean import) needs no reading.
  const clean = !Object.prototype.hasOwnProperty.call(responses, '__proto__');
  if (clean && OptionalResponsesSchema.safeParse(responses).success) return { responses, looseAnswers: [] };
  return settleOptionalAnswers(responses, lang);
}

function normalize(doc: PlainObject, responses: PlainObject, out: ErrorList): QuestionnaireValidationResult {
  const peso = ownValue(responses, 'peso');
  const altura = ownValue(responses, 'altura_cm');
  const sexo = ownValue(responses, 'sexo');
  const trimmed = (key: RequiredResponseField) => {
    const value = ownValue(responses, key);
    return typeof value === 'string' ? value.trim() : value;
  };
  const optional = settleOptional(responses, out.lang);
  const candidate = {
    ...doc,
    // Always ours: a `loose_answers` key in a stored document is another system's, not a reading.
    loose_answers: optional.looseAnswers,
    responses: {
      ...optional.responses,
      nombre_completo: trimmed('nombre_completo'),
      email: trimmed('email'),
      fecha_nacimiento: trimmed('fecha_nacimiento'),
      objetivo_fisico: trimmed('objetivo_fisico'),
      sexo: typeof sexo === 'string' ? normalizeSexo(sexo) : sexo,
      peso: typeof peso === 'string' ? parseMeasurement(peso, 'kg') : peso,
      altura_cm: typeof altura === 'string' ? parseMeasurement(altura, 'cm') : altura,
    },
  };
  // The schema types the result; it cannot fail after the checks above, but if the two ever
  // disagree the document is reported invalid rather than let through.
  const parsed = NormalizedQuestionnaireSchema.safeParse(candidate);
  if (parsed.success) return { isValid: true, errors: [], data: parsed.data };
  const detail = parsed.error.issues.map((issue) => pathText(issue.path)).join(', ');
  out.errors.push({ field: 'document', code: 'internal', message: out.t.internal(detail) });
  return { isValid: false, errors: out.errors, data: null };
}

function resolveNow(now: unknown): Date {
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/**
 * Checks a questionnaire submission with the original system's rules and returns it normalised
 * (sexo "Hombre"/"Mujer", peso and altura_cm as numbers, text trimmed, unknown fields kept, typed
 * optional answers read and the ones that did not fit listed in `loose_answers`).
 * Never throws: any input yields a result.
 */
export function validateQuestionnaire(
  doc: unknown,
  opts?: ValidateQuestionnaireOptions,
): QuestionnaireValidationResult {
  const lang = resolveLang(opts?.lang);
  const mode: OptionalFieldsMode = opts?.optionalFields === 'strict' ? 'strict' : 'lenient';
  try {
    return validate(doc, lang, resolveNow(opts?.now), mode);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = MESSAGES[lang].internal(detail);
    return { isValid: false, errors: [{ field: 'document', code: 'internal', message }], data: null };
  }
}

/**
 * The original system's `error_message` for a failed validation: a header, one `• ` line per
 * problem (all missing required fields on one line, in the required order), then the expected
 * structure. Pass the same `lang` used for `validateQuestionnaire`, since the lines reuse its
 * messages. Returns "" when there are no errors.
 */
export function formatValidationErrors(errors: readonly QuestionnaireError[], lang: Lang = 'es'): string {
  if (!Array.isArray(errors) || errors.length === 0) return '';
  const t = MESSAGES[resolveLang(lang)];
  const isGroupedMissing = (error: QuestionnaireError) =>
    error.code === 'missing' && GROUPABLE_REQUIRED_FIELDS.includes(error.field);

  const missing = [...new Set(errors.filter(isGroupedMissing).map((error) => error.field))]
    .sort((a, b) => GROUPABLE_REQUIRED_FIELDS.indexOf(a) - GROUPABLE_REQUIRED_FIELDS.indexOf(b))
    .map((field) => field.replace(/^responses\./, ''));

  const lines = [t.header];
  if (missing.length > 0) lines.push(`• ${t.missingGroup}${missing.join(', ')}`);
  for (const error of errors) {
    if (!isGroupedMissing(error)) lines.push(`• ${error.message}`);
  }
  lines.push('', t.expectedHeader, ...t.skeleton);
  return lines.join('\n');
}
