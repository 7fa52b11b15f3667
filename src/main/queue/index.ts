export { enqueue } from './enqueue';
export { claimNextJob, type ClaimOptions } from './claim';
export { renewLease, recoverExpiredLeases, type RenewResult, type LeaseRecoveryOptions } from './lease';
export { LeaseObserver } from './lease-observer';
export { DatabaseClock, localClock, type QueueClock, type ClockStatus } from './database-clock';
export { maintainQueue, defaultWatchdogGraceMs, type QueueMaintenanceOptions } from './maintenance';
export { completeJob, failJob, failOrRetry, type JobResultIds } from './finish';
export { waitOffline, OFFLINE_MESSAGE } from './offline';
export {
  recordStepCompleted,
  recordStepStarted,
  recordStreamProgress,
  recordStepsRestored,
  appendJobLog,
  type StepProgress,
} from './progress';
export { cancelJob, markCancelled, CANCEL_MESSAGE, type CancelOutcome } from './cancel';
export { retryJob } from './retry';
export { releaseOnShutdown } from './release';
export { failOverdueJobs, timeoutMessage, jobTimeoutOf } from './watchdog';
export { updateJob, updateOwnedJob, ownedBy, type JobCollection, type JobPatch } from './job-update';
