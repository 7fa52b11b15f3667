/** Keys whose ISO strings are Dates in the shared schemas (the HTTP API sends them as JSON strings). */
const DATE_KEYS = new Set([
  'created_at',
  'updated_at',
  'started_at',
  'completed_at',
  'run_after',
  'attempt_started_at',
  'submitted_at',
  'next_restart_at',
  'at',
]);

/** Deep copy of a JSON value with the known date fields turned back into Dates. */
export function reviveDates(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && key !== undefined && DATE_KEYS.has(key)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (Array.isArray(value)) return value.map((item) => reviveDates(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v, k)]));
  }
  return value;
}
