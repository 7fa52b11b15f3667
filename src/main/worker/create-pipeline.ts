import type { Db } from 'mongodb';
import OpenAI from 'openai';
import { AgentPipeline } from '../pipeline/agent-pipeline';
import type { AppConfig } from '../config/load-config';
import { JobFailure } from '../pipeline/job-errors';
import type { JobPipeline } from '../pipeline/pipeline-types';
import { modelForAgent } from '../pipeline/plan-estimate';
import {
  SimulatedPipeline,
  SimulatedPipelineConfigSchema,
  STEP_EXECUTIONS_COLLECTION,
} from './simulated-pipeline';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * `EDN_PIPELINE=simulated` (tests of the queue, demos) or the agent pipeline (default).
 */
export function createPipeline(env: Env, config: AppConfig, db: Db): JobPipeline {
  if (env['EDN_PIPELINE'] === 'simulated') {
    const raw: unknown = env['EDN_SIMULATED_PIPELINE'] ? JSON.parse(env['EDN_SIMULATED_PIPELINE']) : {};
    const settings = SimulatedPipelineConfigSchema.parse(raw);
    const llm = config.llm.baseUrl
      ? { baseUrl: config.llm.baseUrl, apiKey: config.llm.apiKey ?? 'sin-clave', model: config.llm.model }
      : null;
    const executions =
      env['EDN_RECORD_STEP_EXECUTIONS'] === '1' ? db.collection(STEP_EXECUTIONS_COLLECTION) : null;
    return new SimulatedPipeline(settings, llm, executions);
  }
  return createAgentPipeline(config);
}

/** The 18-agent pipeline against the configured OpenAI-compatible endpoint. */
export function createAgentPipeline(config: AppConfig): JobPipeline {
  const { llm } = config;
  if (!llm.apiKey) {
    // Fail each job with a reason a coach can act on instead of a 401 from the provider.
    return {
      run: async () => {
        throw new JobFailure(
          'llm_error',
          'No hay clave de API del servicio de IA: configúrala en Ajustes o con EDN_LLM_API_KEY.',
        );
      },
    };
  }
  const client = new OpenAI({
    apiKey: llm.apiKey,
    ...(llm.baseUrl ? { baseURL: llm.baseUrl } : {}),
    // Retries are ours (logged in the job, Retry-After honoured); the SDK's would be invisible.
    maxRetries: 0,
    timeout: llm.timeoutMs,
  });
  return new AgentPipeline({
    client,
    modelFor: (agentId) => modelForAgent(llm, agentId),
    prices: llm.prices,
    maxConcurrency: llm.concurrency,
    llmTimeoutMs: llm.timeoutMs,
    llmMaxRetries: llm.maxRetries,
    llmRetryBaseMs: llm.retryBaseMs,
    llmRetryMaxMs: 60_000,
    language: config.planLanguage,
  });
}
