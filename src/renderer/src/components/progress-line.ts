import type { TFunction } from 'i18next';
import type { PublicJob } from '@shared/job';
import { agentName } from '../agents';

/**
 * The progress modal's status line, in the coach's language, from the job's structured state. The
 * job's own `progress.message` is the original API's Spanish text (kept for its clients); it is
 * shown only for a state this function does not name, and only in Spanish.
 */
/** The agents running now, by name, in the order they started. */
export function runningAgentNames(ids: readonly string[], lang: string): string {
  return ids.map((id) => agentName(id, lang) ?? id).join(', ');
}

export function progressLine(job: PublicJob, t: TFunction, lang: string): string | null {
  const { progress } = job;
  if (job.status === 'failed') return null; // JobFailure says why
  if (job.status === 'completed') return t('progress.lines.completed');
  if (job.cancel_requested) return t('progress.lines.cancelling');
  if (job.status === 'pending') {
    return progress.completed_steps > 0 ? t('progress.lines.resumeQueued') : t('progress.lines.queued');
  }
  // Several agents run at once in the DAG: all of them are named.
  if (progress.running_agents.length > 0) {
    return t('progress.lines.running', { agents: runningAgentNames(progress.running_agents, lang) });
  }
  if (progress.completed_steps === 0) return t('progress.lines.starting');
  return lang.startsWith('es') ? progress.message || null : null;
}
