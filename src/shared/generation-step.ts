import { z } from 'zod';
import { AgentTokenUsageSchema } from './job';

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
  cost_usd: z.number().min(0),
  model: z.string(),
  attempt: z.number().int().min(1),
  started_at: z.date(),
  finished_at: z.date(),
  duration_ms: z.number().min(0),
});
export type GenerationStep = z.infer<typeof GenerationStepSchema>;

export function stepId(jobId: string, agentId: string): string {
  return `${jobId}:${agentId}`;
}
