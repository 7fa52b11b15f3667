import type { Collection } from 'mongodb';
import { CODE_MODEL, GenerationStepSchema, stepId, type GenerationStep } from '@shared/generation-step';
import { stamped, unstamped } from '../schema/schema-version';
import { isDuplicateKeyError } from './duplicate-key';

export type NewStep = Omit<GenerationStep, '_id'>;

export interface RecentAnswer {
  tokens: number;
  firstTokenMs: number | null;
  durationMs: number;
}

/** Agent checkpoints. Written once per (job, agent): a resumed job reads them instead of paying again. */
export class StepsRepository {
  constructor(private readonly steps: Collection<GenerationStep>) {}

  /** Returns the stored step: the new one, or the one a previous owner of the job already saved. */
  async saveOnce(input: NewStep): Promise<GenerationStep> {
    const step = GenerationStepSchema.parse({ ...input, _id: stepId(input.job_id, input.agent_id) });
    try {
      await this.steps.insertOne(stamped(step));
      return step;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = unstamped(await this.steps.findOne({ _id: step._id }));
      if (!existing) throw error;
      return existing;
    }
  }

  async listForJob(jobId: string): Promise<GenerationStep[]> {
    const steps = await this.steps.find({ job_id: jobId }).sort({ finished_at: 1 }).toArray();
    return steps.map((step) => unstamped(step));
  }

  /**
   * The agent's latest LLM answers with `model`, newest first (agents written by code have none): their length
   * (completion tokens less a reasoning model's thinking, which is never streamed as the answer),
   * the wait for their first chunk and their whole time.
   */
  async recentAnswers(agentId: string, model: string, limit = 20): Promise<RecentAnswer[]> {
    const steps = await this.steps
      // Another model writes at another pace (a reasoning model thinks first): its steps only.
      .find(
        { agent_id: agentId, requested_model: model },
        { projection: { usage: 1, model: 1, duration_ms: 1, first_token_ms: 1 } },
      )
      .sort({ finished_at: -1 })
      .limit(limit)
      .toArray();
    return steps
      .filter((s) => s.model !== CODE_MODEL)
      .map((s) => ({
        // A provider that reports the thinking apart from the completion must not make it negative.
        tokens: Math.max(0, s.usage.completion_tokens - (s.usage.reasoning_tokens ?? 0)),
        firstTokenMs: s.first_token_ms ?? null,
        durationMs: s.duration_ms,
      }));
  }
}
