import { z } from 'zod';
import { DELIVERY_STATUSES } from './plan-delivery';
import { REVIEW_STATES } from './plan-versions';
import { AUDIT_STATUS_VALUES } from './plans';

/** A plan in a client's list: what a table shows, built once on the host for both doors. */
export const PlanSummarySchema = z.object({
  _id: z.string(),
  job_id: z.string(),
  submission_id: z.string(),
  created_at: z.date(),
  language: z.string(),
  model: z.string(),
  audit_status: z.enum(AUDIT_STATUS_VALUES).nullable(),
  /** `blocked`: kept for review only (not the client's current plan, not exported, not continued). */
  delivery_status: z.enum(DELIVERY_STATUSES),
  /** Null when unknown: some agent's model is missing from the price table. */
  cost_usd: z.number().nullable(),
  /** The plan this one continues ("generar siguiente bloque"); null for a first block. */
  previous_plan_id: z.string().nullable().default(null),
  /** The models with no price that made `cost_usd` unknown. */
  unpriced_models: z.array(z.string()).default([]),
  /** The current version (1 = as generated) and its review state (docs/ARCHITECTURE.md "Plan versions and review"). */
  version: z.number().int().min(1).default(1),
  review_state: z.enum(REVIEW_STATES).default('draft'),
  /** The version the client has (its last exported copy); null when none left the app yet. */
  delivered_version: z.number().int().min(1).nullable().default(null),
  /** When that copy left. */
  delivered_at: z.date().nullable().default(null),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
