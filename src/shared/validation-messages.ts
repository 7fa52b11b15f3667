import type { NumberRange } from './questionnaire';

/*
 * Spanish / English texts of questionnaire validation. Every message names the field, what was
 * expected and what arrived, so a coach can fix the answer without reading code.
 */

export type Lang = 'es' | 'en';
export const DEFAULT_LANG: Lang = 'es';

export function resolveLang(lang: unknown): Lang {
  return lang === 'en' ? 'en' : DEFAULT_LANG;
}

/** Longest string quoted back in a message: answers can be whole paragraphs. */
const MAX_QUOTED_CHARS = 60;

function formatNumber(value: number, lang: Lang): string {
  const text = String(value);
  return lang === 'es' ? text.replace('.', ',') : text;
}

function withUnit(value: number, lang: Lang, unit: string | undefined): string {
  return unit ? `${formatNumber(value, lang)} ${unit}` : formatNumber(value, lang);
}

const es = {
  documentLabel: 'documento',
  missing: (label: string, expected: string) =>
    `${label}: falta este campo obligatorio; se esperaba ${expected}`,
  mismatch: (label: string, expected: string, received: string) =>
    `${label}: se esperaba ${expected}; recibido ${received}`,
  header: '❌ FORMATO DE CUESTIONARIO INVÁLIDO:',
  missingGroup: 'Campos requeridos ausentes: ',
  expectedHeader: '📋 FORMATO ESPERADO:',
  skeleton: [
    '{',
    '  "_id": "<id del cuestionario>",',
    '  "user_id": "<id del cliente>",',
    '  "responses": {',
    '    "nombre_completo": "<texto>",',
    '    "email": "<email>",',
    '    "fecha_nacimiento": "YYYY-MM-DD",',
    '    "sexo": "Hombre|Mujer",',
    '    "peso": <kg, p. ej. 78.5 o "78,5">,',
    '    "altura_cm": <cm, p. ej. 172 o "172">,',
    '    "objetivo_fisico": "<texto>",',
    '    ...',
    '  }',
    '}',
  ],
  expect: {
    document: 'un objeto {_id, user_id, responses}',
    id: 'un texto no vacío (identificador)',
    responses: 'un objeto con las respuestas del cuestionario',
    nombre_completo: 'un texto no vacío (nombre y apellidos)',
    email: 'un email válido (p. ej. nombre@dominio.com)',
    fecha_nacimiento: 'una fecha real con formato YYYY-MM-DD (p. ej. 1990-05-12)',
    fecha_pasada: 'una fecha de nacimiento pasada con formato YYYY-MM-DD',
    edad: (min: number, max: number) => `una fecha de nacimiento que dé una edad entre ${min} y ${max} años`,
    sexo: '"Hombre" o "Mujer"',
    peso: 'un número positivo en kg (p. ej. 78,5)',
    altura_cm: 'un número positivo en cm (p. ej. 172)',
    objetivo_fisico: 'un texto no vacío (p. ej. "Perder grasa")',
    text: 'un texto',
    nonEmptyText: 'un texto no vacío',
    number: 'un número',
    integer: 'un número entero',
    boolean: 'sí/no (true o false)',
    list: 'una lista',
    object: 'un objeto',
    date: 'una fecha real con formato YYYY-MM-DD',
    hhmm: 'una hora con formato HH:MM (p. ej. 08:30)',
    country: 'un código de país ISO de 2 letras (p. ej. ES)',
    valid: 'un valor válido',
    oneOf: (values: readonly string[]) => `uno de: ${values.join(', ')}`,
    either: (options: readonly string[]) => options.join(' o '),
    range: (r: NumberRange, lang: Lang) =>
      `${r.integer ? 'un número entero' : 'un número'} entre ${formatNumber(r.min, lang)} y ${withUnit(r.max, lang, r.unit)}`,
    atLeast: (min: number, lang: Lang) => `un valor mayor o igual que ${formatNumber(min, lang)}`,
    atMost: (max: number, lang: Lang) => `un valor menor o igual que ${formatNumber(max, lang)}`,
    atMostItems: (max: number) => `como máximo ${max} elementos`,
    atLeastItems: (min: number) => `como mínimo ${min} elementos`,
    listOf: (values: readonly string[]) => `una lista con valores de: ${values.join(', ')}`,
    textList: 'una lista de textos',
    yesNoObject: (keys: readonly string[]) => `un objeto {${keys.join(', ')}} con sí/no (true o false)`,
    objectWith: (keys: readonly string[]) => `un objeto {${keys.join(', ')}}`,
    objectList: (keys: readonly string[]) => `una lista de objetos {${keys.join(', ')}}`,
    mealTimes: 'un objeto comida → hora HH:MM (p. ej. {"desayuno": "08:00"})',
  },
  received: {
    nothing: 'nada',
    emptyObject: 'un objeto vacío',
    object: 'un objeto',
    list: (n: number) => `una lista de ${n} elemento${n === 1 ? '' : 's'}`,
    date: 'un objeto Date',
    other: (type: string) => `un valor de tipo ${type}`,
    age: (age: number) => `edad ${age} años`,
  },
  internal: (detail: string) => `documento: no se pudo validar (${detail})`,
};

type MessageTable = typeof es;

const en: MessageTable = {
  documentLabel: 'document',
  missing: (label, expected) => `${label}: this required field is missing; expected ${expected}`,
  mismatch: (label, expected, received) => `${label}: expected ${expected}; received ${received}`,
  header: '❌ INVALID QUESTIONNAIRE FORMAT:',
  missingGroup: 'Missing required fields: ',
  expectedHeader: '📋 EXPECTED FORMAT:',
  skeleton: [
    '{',
    '  "_id": "<questionnaire id>",',
    '  "user_id": "<client id>",',
    '  "responses": {',
    '    "nombre_completo": "<text>",',
    '    "email": "<email>",',
    '    "fecha_nacimiento": "YYYY-MM-DD",',
    '    "sexo": "Hombre|Mujer",',
    '    "peso": <kg, e.g. 78.5 or "78,5">,',
    '    "altura_cm": <cm, e.g. 172 or "172">,',
    '    "objetivo_fisico": "<text>",',
    '    ...',
    '  }',
    '}',
  ],
  expect: {
    document: 'an object {_id, user_id, responses}',
    id: 'a non-empty string (identifier)',
    responses: 'an object with the questionnaire answers',
    nombre_completo: 'non-empty text (full name)',
    email: 'a valid email address (e.g. name@example.com)',
    fecha_nacimiento: 'a real calendar date formatted YYYY-MM-DD (e.g. 1990-05-12)',
    fecha_pasada: 'a birth date in the past formatted YYYY-MM-DD',
    edad: (min, max) => `a birth date giving an age between ${min} and ${max} years`,
    sexo: '"Hombre" (male) or "Mujer" (female)',
    peso: 'a positive number in kg (e.g. 78.5)',
    altura_cm: 'a positive number in cm (e.g. 172)',
    objetivo_fisico: 'non-empty text (e.g. "Perder grasa")',
    text: 'text',
    nonEmptyText: 'non-empty text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes/no (true or false)',
    list: 'a list',
    object: 'an object',
    date: 'a real calendar date formatted YYYY-MM-DD',
    hhmm: 'a time formatted HH:MM (e.g. 08:30)',
    country: 'a 2-letter ISO country code (e.g. ES)',
    valid: 'a valid value',
    oneOf: (values) => `one of: ${values.join(', ')}`,
    either: (options) => options.join(' or '),
    range: (r, lang) =>
      `${r.integer ? 'a whole number' : 'a number'} between ${formatNumber(r.min, lang)} and ${withUnit(r.max, lang, r.unit)}`,
    atLeast: (min, lang) => `a value of at least ${formatNumber(min, lang)}`,
    atMost: (max, lang) => `a value of at most ${formatNumber(max, lang)}`,
    atMostItems: (max) => `at most ${max} items`,
    atLeastItems: (min) => `at least ${min} items`,
    listOf: (values) => `a list of values from: ${values.join(', ')}`,
    textList: 'a list of texts',
    yesNoObject: (keys) => `an object {${keys.join(', ')}} of yes/no (true or false)`,
    objectWith: (keys) => `an object {${keys.join(', ')}}`,
    objectList: (keys) => `a list of objects {${keys.join(', ')}}`,
    mealTimes: 'an object meal → time HH:MM (e.g. {"desayuno": "08:00"})',
  },
  received: {
    nothing: 'nothing',
    emptyObject: 'an empty object',
    object: 'an object',
    list: (n) => `a list of ${n} item${n === 1 ? '' : 's'}`,
    date: 'a Date object',
    other: (type) => `a value of type ${type}`,
    age: (age) => `age ${age} years`,
  },
  internal: (detail) => `document: could not be validated (${detail})`,
};

export const MESSAGES: Readonly<Record<Lang, MessageTable>> = { es, en };

/** Short, safe description of any value (never throws, never dumps a whole object). */
export function describeReceived(value: unknown, lang: Lang): string {
  const t = MESSAGES[lang].received;
  if (value === undefined) return t.nothing;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': {
      const short = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value;
      return JSON.stringify(short);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'object': {
      if (Array.isArray(value)) return t.list(value.length);
      if (value instanceof Date) return t.date;
      return Object.keys(value).length === 0 ? t.emptyObject : t.object;
    }
    default:
      return t.other(typeof value);
  }
}
