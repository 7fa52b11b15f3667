/** A JSON-like object (not an array, a Date or null): what a questionnaire's answers and sub-answers are. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}
