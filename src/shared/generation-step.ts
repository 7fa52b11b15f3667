import { z } from 'zod';
import { AgentTokenUsageSchema } from './job';
import { SchemaVersionFieldSchema } from './schema-version';

/**
 * One agent's checkpoint (collection `generation_steps`): a retried or resumed job continues from
 * here instead of paying for the agent again. `_id` is `${job_id}:${agent_id}` so a step is written
 * at most once per job.
 */
export const GenerationStepSchema = z.object({
  _id: z.string().min(1),
  job_id: z.string().min(1),
  agent_id: z.string().min(1),
  output: z.unknown(),
  usage: AgentTokenUsageSchema,
  /** Null when the model is missing from the price table (the cost is unknown, not 0). */
  cost_usd: z.number().min(0).nullable(),
  /** What the endpoint says answered (it may add a version suffix, e.g. `gpt-5-mini-2025-08-07`). */
  model: z.string(),
  /**
   * The model the settings asked for: the price table's key, so the one to name when the price is
   * unknown. Absent on checkpoints written before it was recorded (then `model` stands in; migration
   * 1→2 copies it, docs/ARCHITECTURE.md "Schema versions and migrations").
   */
  requested_model: z.string().optional(),
  attempt: z.number().int().min(1),
  started_at: z.date(),
  finished_at: z.date(),
  duration_ms: z.number().min(0),
  /**
   * From the agent's start to the first streamed chunk of its answer: a reasoning model thinks
   * before it writes (progress within an agent, pipeline/expected-lengths.ts). Absent for agents
   * written by code and steps written before it was recorded.
   */
  first_token_ms: z.number().min(0).nullable().optional(),
  schema_version: SchemaVersionFieldSchema,
});
export type GenerationStep = z.infer<typeof GenerationStepSchema>;

export function stepId(jobId: string, agentId: string): string {
  return `${jobId}:${agentId}`;
}

/** The step's `model` for an agent written by code (it calls none, costs nothing). */
export const CODE_MODEL = 'code';
