/**
 * Interprets the original system's free-text answers about training ("Sí, 3 años", "4-5 días",
 * "1 hora") where code can do it reliably. Every function returns null when it cannot tell, so the
 * caller falls back to a safe default and the text still reaches E1/N0 verbatim. Health answers
 * (allergies, injuries, diseases, goals) are read by the safety-first reader in src/shared/reading.
 */

export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

const NEGATIVE = /^(no\b|nada|ninguna?o?s?\b|nunca|-|n\/a|sin\b)/;

/** "No", "ninguna", "nada" and empty answers mean "none" (for experience, not health: see below). */
function isNegativeAnswer(text: string | null | undefined): boolean {
  if (!text) return true;
  const t = normalizeText(text);
  return t === '' || NEGATIVE.test(t);
}

/** "3-4" → 3, "4 días" → 4, "de 3 a 5" → 3 (the conservative end), within 1–7. */
export function parseDaysPerWeek(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = /(\d+)/.exec(normalizeText(text));
  if (!match?.[1]) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= 7 ? days : null;
}

/** "60 min", "1 hora", "hora y media", "45" → minutes within 20–180. */
export function parseSessionMinutes(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = normalizeText(text);
  if (/hora y media/.test(t)) return 90;
  const hours = /(\d+(?:[.,]\d+)?)\s*h/.exec(t);
  if (hours?.[1]) return clampMinutes(Number(hours[1].replace(',', '.')) * 60);
  if (/\buna hora\b/.test(t)) return 60;
  const minutes = /(\d+)/.exec(t);
  return minutes?.[1] ? clampMinutes(Number(minutes[1])) : null;
}

function clampMinutes(value: number): number | null {
  return Number.isFinite(value) && value >= 20 && value <= 180 ? Math.round(value) : null;
}

/** "Sí, 3 años" → 3; "6 meses" → 0.5; "No" → 0. */
export function parseYearsTraining(text: string | null | undefined): number | null {
  if (!text) return null;
  if (isNegativeAnswer(text)) return 0;
  const t = normalizeText(text);
  const years = /(\d+(?:[.,]\d+)?)\s*an/.exec(t);
  if (years?.[1]) return Number(years[1].replace(',', '.'));
  const months = /(\d+)\s*mes/.exec(t);
  if (months?.[1]) return Number(months[1]) / 12;
  return null;
}
