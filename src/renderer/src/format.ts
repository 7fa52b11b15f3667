import { costText, type CostFigure } from './cost';
import i18n from './i18n';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'es-ES';
}

export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '—';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 4,
  }).format(usd);
}

/** A cost, or "Precio desconocido (modelo)" when a model has no price: never "$0.00" for unknown. */
export function formatCostFigure(figure: CostFigure): string {
  return costText(figure, formatCost, {
    unknown: i18n.t('progress.costUnknown'),
    unknownModels: (models) => i18n.t('progress.costUnknownModels', { models }),
  });
}

/** What to do about an unknown cost (add the models to the price table), or null when it is known. */
export function unknownCostHint(figure: CostFigure): string | null {
  if (figure.usd !== null || figure.unpricedModels.length === 0) return null;
  return i18n.t('progress.costUnknownHint', { models: figure.unpricedModels.join(', ') });
}

/** 75 s → "1:15"; 3725 s → "1:02:05". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Enum values as words when no translation exists ("torso_pierna" → "Torso pierna"). */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
