import type { TFunction } from 'i18next';
import type { PublicJob } from '@shared/job';
import type { DeliveryOverride, OverrideDoor } from '@shared/plan-delivery';

/*
 * What the screens show of a plan's delivery state (docs/AUDITS.md §8): the server decides it
 * (`deliveryOf`); the UI only reads the state it hands out.
 */

/** The labels documents stored before `via` existed hold in `by` for each door (Spanish). */
const LEGACY_DOOR_LABELS: Record<string, OverrideDoor> = {
  'App de escritorio': 'desktop',
  'API local (token de administrador)': 'api',
};

/**
 * Who approved a plan despite its block, in the UI's language: the coach's name when they signed,
 * else the door it came through (stored as a code; old documents hold the Spanish label in `by`).
 */
export function approverOf(override: Pick<DeliveryOverride, 'via' | 'coach' | 'by'>, t: TFunction): string {
  if (override.coach) return override.coach;
  if (override.via) return t(`delivery.via.${override.via}`);
  const legacy = override.by ? LEGACY_DOOR_LABELS[override.by] : undefined;
  if (legacy) return t(`delivery.via.${legacy}`);
  return override.by ?? '—';
}

/** A job whose button opens its plan for review (failed: its audit blocked the plan) or to read it. */
export function openPlanLabel(job: Pick<PublicJob, 'status'>, t: TFunction): string {
  return job.status === 'failed' ? t('delivery.reviewPlan') : t('common.open');
}

/**
 * A job whose plan can be opened: completed, or failed because its audit blocked the plan (the
 * plan is kept for review and the job's result names it).
 */
export function jobHasPlan(job: Pick<PublicJob, 'status' | 'result'>): boolean {
  if (job.status !== 'completed' && job.status !== 'failed') return false;
  return job.result.training_plan_id !== null || job.result.nutrition_plan_id !== null;
}
