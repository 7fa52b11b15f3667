import type { Db } from 'mongodb';
import type { AppConfig } from '../config/load-config';
import { JobFailure } from './job-errors';
import type { JobPipeline } from './pipeline-types';
import {
  SimulatedPipeline,
  SimulatedPipelineConfigSchema,
  STEP_EXECUTIONS_COLLECTION,
} from './simulated-pipeline';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * `EDN_PIPELINE=simulated` (tests, demos, benchmarks) or the agent pipeline (default). Until the
 * agents land (issue 4) a real job fails with a clear reason instead of pretending to work.
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
  return {
    run: async () => {
      throw new JobFailure(
        'internal_error',
        'El pipeline de agentes todavía no está disponible en esta versión (EDN_PIPELINE=simulated para una demostración).',
      );
    },
  };
}
