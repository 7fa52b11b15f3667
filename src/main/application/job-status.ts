import type { JobStatus } from '@shared/job';

/** A job's status in the Spanish of the messages both doors send (one table for HTTP and IPC). */
export const JOB_STATUS_ES: Record<JobStatus, string> = {
  pending: 'pendiente',
  running: 'en curso',
  completed: 'completado',
  failed: 'fallido',
};
