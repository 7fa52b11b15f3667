import type { ClientPlanLanguage } from './schema';
import { findInternalMarkers } from './internal-markers';

/*
 * Number, list and date wording per language. Intl is deterministic for a fixed locale and input,
 * which keeps the built document a pure function of the stored plans.
 */

const LOCALE: Record<ClientPlanLanguage, string> = { es: 'es-ES', en: 'en-GB' };

export function formatNumber(value: number, language: ClientPlanLanguage, maxDecimals = 0): string {
  // es-ES leaves 4-digit numbers ungrouped ("2004"); "2.004 kcal" is what Spanish readers expect.
  return new Intl.NumberFormat(LOCALE[language], {
    maximumFractionDigits: maxDecimals,
    useGrouping: 'always',
  }).format(value);
}

/** "a, b y c" / "a, b and c". */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function formatDate(date: Date, language: ClientPlanLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A text the pipeline's LLM wrote, or undefined when it is empty or carries an internal marker: a
 * client must never read a rule id or an enum code, and a sentence cannot be half-repaired safely.
 */
export function clientText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length === 0 || findInternalMarkers(text).length > 0) return undefined;
  return text;
}

export function clientTexts(values: readonly unknown[] | undefined): string[] {
  return (values ?? []).map(clientText).filter((t): t is string => t !== undefined);
}

/** Words of a free-text code the pipeline stores ("hombro_derecho" → "hombro derecho"). */
export function words(code: string): string {
  return code.replace(/_+/g, ' ').trim();
}
