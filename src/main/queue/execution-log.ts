import { EXECUTION_LOG_LIMIT, type ExecutionLogEntry } from '@shared/job';

/** Appends and keeps the newest entries only: a job retried for hours must not grow without bound. */
export function appendLog(
  log: readonly ExecutionLogEntry[],
  ...entries: ExecutionLogEntry[]
): ExecutionLogEntry[] {
  const next = [...log, ...entries];
  return next.length > EXECUTION_LOG_LIMIT ? next.slice(next.length - EXECUTION_LOG_LIMIT) : next;
}

export function logEntry(event: string, message: string, at: Date, agentId?: string): ExecutionLogEntry {
  return agentId ? { at, event, agent_id: agentId, message } : { at, event, message };
}
