import type { TFunction } from 'i18next';
import type { PublicJob } from '@shared/job';
import { agentName } from '../agents';

/**
 * The progress modal's status line, in the coach's language, from the job's structured state. The
 * job's own `progress.message` is the original API's Spanish text (kept for its clients); it is
 * shown only for a state this function does not name, and only in Spanish.
 */
export function progressLine(job: PublicJob, t: TFunction, lang: string): string | null {
  const { progress } = job;
  if (job.status === 'failed') return null; // JobFailure says why
  if (job.status === 'completed') return t('progress.lines.completed');
  if (job.cancel_requested) return t('progress.lines.cancelling');
  if (job.status === 'pending') {
    return progress.completed_steps > 0 ? t('progress.lines.resumeQueued') : t('progress.lines.queued');
  }
  if (progress.current_agent) {
    return t('progress.lines.agentDone', { agent: agentName(progress.current_agent, lang) });
  }
  if (progress.completed_steps === 0) return t('progress.lines.starting');
  return lang.startsWith('es') ? progress.message || null : null;
}
