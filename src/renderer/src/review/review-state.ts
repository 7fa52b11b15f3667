import type { TFunction } from 'i18next';
import type { PlanChange } from '@shared/plan-edits/plan-diff-schema';
import type { PlanDelivery } from '@shared/plan-delivery';
import type { PlanReview, ReviewState } from '@shared/plan-versions';

/*
 * What the review screens say about a plan's current version (docs/ARCHITECTURE.md "Plan versions
 * and review"): the server decides the state; these only word it.
 */

/** "2 dic" / "2 Dec": the day a copy left, short enough for a badge. */
export function formatDay(date: Date, lang: string): string {
  const locale = lang.startsWith('en') ? 'en-GB' : 'es-ES';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date).replace(/\.$/, '');
}

/** The plan as the review bar needs it: its current version, review state and delivery state. */
export interface ReviewedPlan {
  version: number;
  review: PlanReview;
  delivery: PlanDelivery;
}

/**
 * The current version's state: `delivered` only when the version the client has is this one (a
 * newer version goes back to draft; `review.delivered` keeps naming the older one).
 */
export function currentState(plan: Pick<ReviewedPlan, 'version' | 'review'>): ReviewState {
  const { review, version } = plan;
  if (review.state === 'draft' || review.approved?.version !== version) return 'draft';
  if (review.state === 'delivered' && review.delivered?.version === version) return 'delivered';
  return 'approved';
}

/** The current version may leave the app (the server checks it too: `plan_not_approved`). */
export function isApproved(plan: Pick<ReviewedPlan, 'version' | 'review'>): boolean {
  return currentState(plan) !== 'draft';
}

/** "Borrador · versión 2", "Aprobada · versión 2", "Entregada · versión 1 (el 2 dic)". */
export function stateLabel(
  plan: Pick<ReviewedPlan, 'version' | 'review'>,
  t: TFunction,
  lang: string,
): string {
  const state = currentState(plan);
  const delivered = plan.review.delivered;
  if (state === 'delivered' && delivered) {
    return t('review.state.delivered', { version: plan.version, date: formatDay(delivered.at, lang) });
  }
  return t(`review.state.${state}`, { version: plan.version });
}

/** "El cliente tiene la versión 1 (entregada el 2 dic)", or that none left the app yet. */
export function clientHasLabel(
  delivered: { version: number; at: Date } | null | undefined,
  t: TFunction,
  lang: string,
): string {
  if (!delivered) return t('review.clientHasNone');
  return t('review.clientHas', { version: delivered.version, date: formatDay(delivered.at, lang) });
}

export const STATE_COLORS: Record<ReviewState, string> = {
  draft: 'gray',
  approved: 'teal',
  delivered: 'blue',
};

export interface ChangeGroup {
  /** Stable within one diff: the session, meal or "general". */
  key: string;
  session?: NonNullable<PlanChange['session']>;
  meal?: NonNullable<PlanChange['meal']> & { day_type?: PlanChange['day_type'] };
  changes: PlanChange[];
}

function groupKey(change: PlanChange): string {
  if (change.session) return `session:${change.session.index}:${change.session.dia}:${change.session.nombre}`;
  if (change.meal) return `meal:${change.day_type ?? ''}:${change.meal.index}:${change.meal.nombre}`;
  return 'general';
}

/** Consecutive changes of one session (or meal) under one heading, in the order the server gave them. */
export function groupChanges(changes: readonly PlanChange[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const change of changes) {
    const key = groupKey(change);
    const last = groups.at(-1);
    if (last && last.key === key) {
      last.changes.push(change);
      continue;
    }
    groups.push({
      key,
      ...(change.session ? { session: change.session } : {}),
      ...(change.meal && !change.session
        ? { meal: { ...change.meal, ...(change.day_type ? { day_type: change.day_type } : {}) } }
        : {}),
      changes: [change],
    });
  }
  return groups;
}
