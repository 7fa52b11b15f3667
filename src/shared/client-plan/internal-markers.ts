/*
 * What must never reach a client: the coach-side vocabulary of the pipeline (rule ids, audit
 * verdicts, agent ids, energy-model internals, enum codes) and the traces of a bug (undefined,
 * [object Object], an unfilled template). Used on every LLM text before it is copied into the
 * client version, and by the tests on every string of a built document.
 */

const MARKERS: readonly RegExp[] = [
  // Rule ids of docs/AUDITS.md (TRN-06, NUT-13, SCR-01).
  /\b[A-Z]{3}-\d{2}\b/g,
  // Audit verdicts and severities.
  /\bBLOQUEANTE\b/gi,
  /\bBLOCKING\b/g,
  /\bbloquead[oa]\b/gi,
  /\bNo supera\b/gi,
  /\bcon_warnings\b/g,
  /\b(?:WARN|BLOCK)\b/g,
  /\bseverity\b/gi,
  // Agent ids (E1…E9, N0…N8).
  /\b[EN][0-9]\b/g,
  // Energy-model internals.
  /\b(?:BMR|TDEE|PAL)\b/g,
  /\bMifflin\b/gi,
  /\bKatch\b/gi,
  // snake_case codes (dia_alto, pierna_gluteo, apto_con_precauciones).
  /\b[a-zA-Z0-9]+(?:_[a-zA-Z0-9]+)+\b/g,
  // Traces of a bug.
  /\bundefined\b/g,
  /\bNaN\b/g,
  /\bnull\b/g,
  /\[object Object\]/g,
  /\$\{|\{\{|\}\}/g,
];

/** The internal markers found in a text, in order of appearance of each kind (empty when clean). */
export function findInternalMarkers(text: string): string[] {
  const found: string[] = [];
  for (const pattern of MARKERS) {
    for (const match of text.matchAll(pattern)) found.push(match[0]);
  }
  return found;
}

/**
 * Every string inside a value (objects and arrays walked), for checking a whole document. Data URLs
 * (the coach's logo) are left out: base64 is not text and can spell anything.
 */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!value.startsWith('data:')) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}
