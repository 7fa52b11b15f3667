import type { TFunction } from 'i18next';
import { fieldSpec, formFieldOf } from './fields';

/*
 * Field paths as the coach reads them. The validator names fields by their stored keys
 * (`horas_sueno`, `responses.lesiones.1.dolor_0_10`); the form shows labels ("Horas de sueño",
 * "Lesión 2 · Dolor (0–10)"), and its errors must use the same words.
 */

const SEPARATOR = ' · ';

function isIndex(segment: string | undefined): segment is string {
  return segment !== undefined && /^\d+$/.test(segment);
}

/**
 * The label of a validator path in the coach's language: `responses.horas_sueno` → "Horas de
 * sueño", `responses.lesiones.1.dolor_0_10` → "Lesión 2 · Dolor (0–10)", `responses.parq.p3` →
 * "PAR-Q+… · Pregunta 3". Keys the form does not know keep their stored name (an imported answer
 * has no label); paths outside the answers (`_id`, `document`) are returned as they are.
 */
export function answerLabel(path: string, t: TFunction): string {
  if (path === 'responses') return t('questionnaire.answersLabel');
  const name = formFieldOf(path);
  if (name === null) return path;
  const rest = path.slice(`responses.${name}`.length).split('.').slice(1);
  const spec = fieldSpec(name);
  if (!spec) return [name, ...rest].join('.');
  const label = t(`questionnaire.fields.${name}`);
  const [first, second, ...deeper] = rest;
  if (first === undefined) return label;
  let parts: string[];
  switch (spec.kind) {
    case 'list': {
      if (!isIndex(first)) {
        parts = [label, first];
        break;
      }
      const item = t(`questionnaire.items.${name}`, { n: Number(first) + 1 });
      if (second === undefined) return item;
      const known = spec.item.some((sub) => sub.name === second);
      parts = [item, known ? t(`questionnaire.subfields.${name}.${second}`) : second];
      break;
    }
    case 'object': {
      const known = spec.fields.some((sub) => sub.name === first);
      parts = [label, known ? t(`questionnaire.subfields.${name}.${first}`) : first];
      if (second !== undefined) parts.push(second);
      break;
    }
    case 'yesno': {
      const index = spec.questions.indexOf(first);
      parts = [label, index >= 0 ? t('questionnaire.question', { n: index + 1 }) : first];
      if (second !== undefined) parts.push(second);
      break;
    }
    default:
      // A value of a multiple choice (`dias_semana.2`): its position, counted from 1.
      parts = [label, isIndex(first) ? t('questionnaire.valueN', { n: Number(first) + 1 }) : first];
      if (second !== undefined) parts.push(second);
  }
  return [...parts, ...deeper].join(SEPARATOR);
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A validator message with the field named by its label: the validator writes
 * `lesiones.1.dolor_0_10: se esperaba…`, the coach reads `Lesión 2 · Dolor (0–10): se esperaba…`.
 * Messages about the document itself (`_id`, `document`) are left as they are.
 */
export function labelProblem(problem: FieldProblem, t: TFunction): string {
  if (problem.field !== 'responses' && !problem.field.startsWith('responses.')) return problem.message;
  const written = problem.field.replace(/^responses\./, '');
  const prefix = `${written}: `;
  const text = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
  return `${answerLabel(problem.field, t)}: ${text}`;
}

/**
 * The same for a message shown on an input, which carries only the text: its field is the path the
 * message starts with (every message of the form's validation does).
 */
export function labelMessage(message: string, t: TFunction): string {
  const end = message.indexOf(': ');
  if (end <= 0) return message;
  const written = message.slice(0, end);
  if (!/^[\p{L}\p{N}_.-]+$/u.test(written)) return message;
  return labelProblem({ field: written === 'responses' ? written : `responses.${written}`, message }, t);
}
