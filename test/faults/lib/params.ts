/**
 * Parameters of the full fault run, from the environment (scripts/test-faults.mjs sets them from its
 * flags). The defaults are the full run's; `npm test` runs its own short version with small numbers.
 */
function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got «${raw}»`);
  return value;
}

export const FAULT_PARAMS = {
  seed: intFromEnv('EDN_FAULTS_SEED', 360),
  kills: intFromEnv('EDN_FAULTS_KILLS', 100),
  llmTrials: intFromEnv('EDN_FAULTS_LLM_TRIALS', 160),
  workers: intFromEnv('EDN_FAULTS_WORKERS', 3),
  jobs: intFromEnv('EDN_FAULTS_JOBS', 300),
  fuzzRequests: intFromEnv('EDN_FAULTS_FUZZ_REQUESTS', 5_000),
};
