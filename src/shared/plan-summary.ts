import { z } from 'zod';
import { DELIVERY_STATUSES } from './plan-delivery';
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
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
