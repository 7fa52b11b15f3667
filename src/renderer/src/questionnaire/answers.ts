import type { TFunction } from 'i18next';
import { isPlainObject } from '@shared/plain-object';
import {
  FORM_FIELD_NAMES,
  OPTION_GROUPS,
  QUESTIONNAIRE_SECTIONS,
  type FieldSpec,
  type OptionGroup,
  type SubFieldSpec,
} from './fields';

/*
 * A submitted questionnaire as the coach reads it, without the form: every answer under its label,
 * choices by their translated names, and every answer the form does not know (keys of an
 * original-format import) by its key, with its value exactly as stored.
 */

export interface AnswerRow {
  label: string;
  value: string;
}

/** One list item (titled "Lesión 2") or the inside of a small object or yes/no group. */
export interface AnswerBlock {
  title?: string;
  rows: AnswerRow[];
}

export interface AnswerEntry {
  field: string;
  label: string;
  /** A single answer; compound answers have `blocks` instead. */
  value?: string;
  blocks?: AnswerBlock[];
}

export interface AnswerSection {
  id: string;
  title: string;
  entries: AnswerEntry[];
}

export interface ReadOnlyAnswers {
  sections: AnswerSection[];
  /** Keys the form does not have, in the stored order, with their verbatim values. */
  others: AnswerRow[];
}

export interface AnswerFormat {
  t: TFunction;
  lang: 'es' | 'en';
  /** Names an exercise of the catalog by its id. */
  exerciseName?: (id: string) => string;
}

type PlainObject = Record<string, unknown>;

/** Nothing to show for a field the form knows. */
function isUnanswered(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A value exactly as stored: text as it is, anything else as JSON. */
export function verbatim(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

function optionLabel(group: OptionGroup, value: unknown, t: TFunction): string {
  const values: readonly string[] = OPTION_GROUPS[group];
  return typeof value === 'string' && values.includes(value)
    ? t(`questionnaire.options.${group}.${value}`)
    : verbatim(value);
}

/** A scalar answer by its input's kind; values of another shape than the form writes, verbatim. */
function scalarText(
  kind: FieldSpec['kind'] | SubFieldSpec['kind'],
  options: OptionGroup | undefined,
  value: unknown,
  format: AnswerFormat,
): string {
  const { t } = format;
  switch (kind) {
    case 'select':
      return options ? optionLabel(options, value, t) : verbatim(value);
    case 'multi':
      return Array.isArray(value) && options
        ? value.map((item) => optionLabel(options, item, t)).join(', ')
        : verbatim(value);
    case 'boolean':
      if (value === true) return t('questionnaire.yes');
      if (value === false) return t('questionnaire.no');
      return verbatim(value);
    case 'number':
      return typeof value === 'number' && format.lang === 'es'
        ? String(value).replace('.', ',')
        : verbatim(value);
    case 'exercise':
      return typeof value === 'string' && format.exerciseName ? format.exerciseName(value) : verbatim(value);
    default:
      return verbatim(value);
  }
}

/** The rows of one sub-record: its known inputs in the form's order, then its other keys verbatim. */
function recordRows(
  field: string,
  subs: readonly SubFieldSpec[],
  record: PlainObject,
  format: AnswerFormat,
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const sub of subs) {
    const value = record[sub.name];
    if (isUnanswered(value)) continue;
    rows.push({
      label: format.t(`questionnaire.subfields.${field}.${sub.name}`),
      value: scalarText(sub.kind, sub.options, value, format),
    });
  }
  const known = new Set(subs.map((sub) => sub.name));
  for (const [key, value] of Object.entries(record)) {
    if (!known.has(key)) rows.push({ label: key, value: verbatim(value) });
  }
  return rows;
}

function entryOf(spec: FieldSpec, value: unknown, format: AnswerFormat): AnswerEntry {
  const { t } = format;
  const base = { field: spec.name, label: t(`questionnaire.fields.${spec.name}`) };
  switch (spec.kind) {
    case 'yesno': {
      if (!isPlainObject(value)) return { ...base, value: verbatim(value) };
      const rows = spec.questions.flatMap((key, index) =>
        value[key] === undefined
          ? []
          : [
              {
                label: `${index + 1}. ${t(`questionnaire.questions.${spec.name}.${key}`)}`,
                value: scalarText('boolean', undefined, value[key], format),
              },
            ],
      );
      for (const [key, other] of Object.entries(value)) {
        if (!spec.questions.includes(key)) rows.push({ label: key, value: verbatim(other) });
      }
      return { ...base, blocks: [{ rows }] };
    }
    case 'list': {
      if (!Array.isArray(value)) return { ...base, value: verbatim(value) };
      const blocks = value.map((item: unknown, index) => ({
        title: t(`questionnaire.items.${spec.name}`, { n: index + 1 }),
        rows: isPlainObject(item)
          ? recordRows(spec.name, spec.item, item, format)
          : [{ label: t('questionnaire.view.value'), value: verbatim(item) }],
      }));
      return { ...base, blocks };
    }
    case 'object':
      return isPlainObject(value)
        ? { ...base, blocks: [{ rows: recordRows(spec.name, spec.fields, value, format) }] }
        : { ...base, value: verbatim(value) };
    default:
      return { ...base, value: scalarText(spec.kind, spec.options, value, format) };
  }
}

/** The answers of a submission, by the form's sections, and the answers the form does not know. */
export function readOnlyAnswers(responses: PlainObject, format: AnswerFormat): ReadOnlyAnswers {
  const sections = QUESTIONNAIRE_SECTIONS.map((section) => ({
    id: section.id,
    title: format.t(`questionnaire.sections.${section.id}`),
    entries: section.fields
      .filter((spec) => !isUnanswered(responses[spec.name]))
      .map((spec) => entryOf(spec, responses[spec.name], format)),
  })).filter((section) => section.entries.length > 0);
  const others = Object.entries(responses)
    .filter(([key]) => !FORM_FIELD_NAMES.has(key))
    .map(([key, value]) => ({ label: key, value: verbatim(value) }));
  return { sections, others };
}
