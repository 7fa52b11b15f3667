import type { z } from 'zod';
import { OptionalResponsesSchema, type LooseAnswer, type LooseAnswerReason } from '../questionnaire';
import type { Lang } from '../validation-messages';
import { expectedText, FIELD_SPECS, HEALTH_FIELDS, type FieldSpec } from './fields';
import { readEnumList, readTextList } from './lists';
import { readObject, readObjectList } from './objects';
import { hasOwn, KEEP_AS_TEXT, type PlainObject, type Reading } from './reading';
import {
  readBoolean,
  readCountOrText,
  readCountry,
  readEnum,
  readMealTimes,
  readNumberAnswer,
  readText,
} from './scalars';

/*
 * Lenient reading of the optional answers (issue 12): the original system only requires its seven
 * fields, and other systems write free text under keys this app types. Every known optional answer
 * that does not fit its typed schema is read where the meaning is certain; otherwise it leaves
 * `responses` and is kept verbatim in `loose_answers`, so consumers can keep relying on the typed
 * keys (`horas_sueno` is a number or absent) and nothing a client wrote is lost.
 */

export { expectedText, FIELD_SPECS, HEALTH_FIELDS } from './fields';

/**
 * The loose answers a coach should look at: `normalised` ones were read with certainty (only their
 * verbatim is kept), so they are left out.
 */
export function looseAnswersForReview(answers: readonly LooseAnswer[]): LooseAnswer[] {
  return answers.filter((answer) => answer.reason !== 'normalised');
}

export interface SettledAnswers {
  /** The answers with every known optional key typed (or absent); unknown keys as received. */
  responses: PlainObject;
  looseAnswers: LooseAnswer[];
}

const FIELD_SCHEMAS: Readonly<Record<string, z.ZodType>> = OptionalResponsesSchema.shape;

function readAnswer(field: string, spec: FieldSpec, value: unknown): Reading {
  switch (spec.kind) {
    case 'text':
      return readText(value);
    case 'textOrNumber':
      return KEEP_AS_TEXT;
    case 'number':
      return readNumberAnswer(field, spec.range, value);
    case 'countOrText':
      return readCountOrText(spec.range, value);
    case 'enum':
      return readEnum(field, spec.values, spec.none, value);
    case 'enumList':
      return readEnumList(field, spec.values, spec.none, value);
    case 'textList':
      return readTextList(value);
    case 'boolean':
      return readBoolean(value);
    case 'object':
      return readObject(spec.shape, value);
    case 'objectList':
      return readObjectList(spec.shape, spec.fromText, spec.textAnswer, value);
    case 'mealTimes':
      return readMealTimes(value);
    case 'country':
      return readCountry(value);
  }
}

interface Settled {
  /** The typed value, or absent (`keep: false`) when the key leaves `responses`. */
  keep: boolean;
  value?: unknown;
  entry?: { reason: LooseAnswerReason; understood?: unknown };
}

function settle(field: string, spec: FieldSpec, schema: z.ZodType, value: unknown): Settled {
  // An empty text where a typed value goes is a cleared answer, as null is.
  if (typeof value === 'string' && value.trim() === '') return { keep: false };
  const reading = readAnswer(field, spec, value);
  switch (reading.kind) {
    case 'read': {
      // The schema is the last word: a reading it refuses is not certain after all.
      const parsed = schema.safeParse(reading.value);
      if (!parsed.success) return { keep: false, entry: { reason: 'kept_as_text' } };
      const entry = HEALTH_FIELDS.has(field)
        ? { reason: 'normalised' as const, understood: parsed.data }
        : undefined;
      return { keep: true, value: parsed.data, ...(entry ? { entry } : {}) };
    }
    case 'partial': {
      const parsed = reading.value === undefined ? null : schema.safeParse(reading.value);
      const entry = { reason: 'partly_understood' as const, understood: reading.understood };
      return parsed?.success ? { keep: true, value: parsed.data, entry } : { keep: false, entry };
    }
    case 'implausible':
      return {
        keep: false,
        entry: {
          reason: 'implausible',
          ...('understood' in reading ? { understood: reading.understood } : {}),
        },
      };
    case 'text':
      return { keep: false, entry: { reason: 'kept_as_text' } };
  }
}

/**
 * Reads every known optional answer of `responses` that does not fit its typed schema (see
 * src/shared/loose-answers/fields.ts for how each is read). Unknown keys are kept as received.
 * Never throws on any JSON value; `lang` words the `expected` texts.
 */
export function settleOptionalAnswers(responses: PlainObject, lang: Lang): SettledAnswers {
  const looseAnswers: LooseAnswer[] = [];
  const entries: [string, unknown][] = [];
  for (const [field, value] of Object.entries(responses)) {
    if (field === '__proto__') {
      // zod drops this key from parsed objects (it would replace their prototype): kept here instead.
      looseAnswers.push({ field, value, reason: 'kept_as_text', expected: expectedText(field, lang) });
      continue;
    }
    const spec = hasOwn(FIELD_SPECS, field) ? FIELD_SPECS[field] : undefined;
    const schema = hasOwn(FIELD_SCHEMAS, field) ? FIELD_SCHEMAS[field] : undefined;
    if (!spec || !schema || schema.safeParse(value).success) {
      entries.push([field, value]);
      continue;
    }
    const settled = settle(field, spec, schema, value);
    if (settled.keep) entries.push([field, settled.value]);
    if (settled.entry) {
      looseAnswers.push({ field, value, ...settled.entry, expected: expectedText(field, lang) });
    }
  }
  // fromEntries defines keys (a "__proto__" answer stays an answer, not a prototype).
  return { responses: Object.fromEntries(entries), looseAnswers };
}
