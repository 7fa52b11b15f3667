import type { JobEventType } from '@shared/job-events';
import type { MongodSource } from '../db/mongod-binary';

/** What the CLI prints about a job event, in Spanish (the event types are the API's English codes). */
export const JOB_EVENT_ES: Record<JobEventType, string> = {
  created: 'creado',
  claimed: 'empezado',
  progress: 'progreso',
  waiting: 'en espera',
  completed: 'completado',
  failed: 'fallido',
};

/** Where the embedded database's mongod comes from, in Spanish. */
export const MONGOD_SOURCE_ES: Record<MongodSource, string> = {
  system_binary: 'binario del sistema',
  bundled: 'incluido en la aplicación',
  download_cache: 'descargado anteriormente',
  download: 'por descargar',
};
