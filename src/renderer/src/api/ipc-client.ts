import type { PublicJob } from '@shared/job';
import type { ReadingCorrectionInput } from '@shared/reading-api';
import type { PlanKind } from '@shared/plan-delivery';
import type {
  ApprovePlanArgs,
  BackupFileRef,
  MoveDatabaseArgs,
  ProgressCallback,
  RestoreOptions,
  ClientPdfArgs,
  CoachClient,
  CompareVersionsArgs,
  PlanRef,
  PreviewEditsArgs,
  RegenerateArgs,
  RestoreVersionArgs,
  SaveEditsArgs,
  TailLogsArgs,
} from './coach-client';
import { ClientError } from './coach-client';
import { IpcError, ipcCall, ipcSubscribe } from './ipc-transport';

/** Re-throws IPC failures as `ClientError`s so screens handle one error type. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof IpcError) throw new ClientError(error.reason, error.message, error.fields);
    throw error;
  }
}

/** A long call with its `transferProgress` events handed to `onProgress` while it runs. */
async function withProgress<T>(onProgress: ProgressCallback | undefined, run: () => Promise<T>): Promise<T> {
  const unsubscribe = onProgress ? ipcSubscribe('transferProgress', onProgress) : null;
  try {
    return await call(run);
  } finally {
    unsubscribe?.();
  }
}

/** The token of a file chosen in main's dialog: the only kind of file this transport restores. */
function tokenOf(file: BackupFileRef): string {
  if ('token' in file) return file.token;
  throw new ClientError(
    'not_supported',
    'La app de escritorio restaura copias elegidas en su propio diálogo.',
  );
}

/** `CoachClient` over the Electron preload bridge; job states are pushed by main, never polled. */
export class IpcCoachClient implements CoachClient {
  readonly capabilities = { transport: 'ipc', settings: true, backupFiles: 'dialog' } as const;

  listClients(args?: Parameters<CoachClient['listClients']>[0]) {
    return call(() => ipcCall('listClients', args));
  }
  getClient(id: string) {
    return call(() => ipcCall('getClient', { id }));
  }
  createClient(input: Parameters<CoachClient['createClient']>[0]) {
    return call(() => ipcCall('createClient', input));
  }
  updateClient(id: string, changes: Parameters<CoachClient['updateClient']>[1]) {
    return call(() => ipcCall('updateClient', { id, changes }));
  }
  archiveClient(id: string, archived: boolean) {
    return call(() => ipcCall('archiveClient', { id, archived }));
  }
  eraseClient(args: Parameters<CoachClient['eraseClient']>[0]) {
    return call(() => ipcCall('eraseClient', args));
  }
  exportClientData(id: string) {
    return call(() => ipcCall('exportClientData', { id }));
  }
  submitQuestionnaire(user_id: string, responses: Record<string, unknown>) {
    return call(() => ipcCall('submitQuestionnaire', { user_id, responses }));
  }
  async listQuestionnaires(user_id: string) {
    return (await call(() => ipcCall('listQuestionnaires', { user_id, limit: 100 }))).items;
  }
  getQuestionnaireReading(id: string) {
    return call(() => ipcCall('getQuestionnaireReading', { id }));
  }
  correctQuestionnaireReading(id: string, corrections: ReadingCorrectionInput[]) {
    return call(() => ipcCall('correctQuestionnaireReading', { id, corrections }));
  }
  generatePlan(args: Parameters<CoachClient['generatePlan']>[0]) {
    return call(() => ipcCall('generatePlan', args));
  }
  getJob(id: string) {
    return call(() => ipcCall('getJob', { id }));
  }
  listJobs(args?: Parameters<CoachClient['listJobs']>[0]) {
    return call(() => ipcCall('listJobs', args));
  }
  async cancelJob(id: string) {
    return (await call(() => ipcCall('cancelJob', { id }))).job;
  }
  estimatePlanCost(type: Parameters<CoachClient['estimatePlanCost']>[0]) {
    return call(() => ipcCall('estimatePlanCost', { type }));
  }
  retryJob(id: string) {
    return call(() => ipcCall('retryJob', { id }));
  }
  watchJob(id: string, onJob: (job: PublicJob) => void, onConnection?: (connected: boolean) => void) {
    const unsubscribe = ipcSubscribe('job', (event) => {
      if (event.job_id === id) onJob(event.job);
    });
    onConnection?.(true);
    void this.getJob(id).then(onJob, () => undefined);
    return unsubscribe;
  }
  watchJobs(onJob: (job: PublicJob) => void) {
    return ipcSubscribe('job', (event) => onJob(event.job));
  }
  listPlans(user_id: string) {
    return call(() => ipcCall('listPlans', { user_id, limit: 100 }));
  }
  getTrainingPlan(id: string) {
    return call(() => ipcCall('getTrainingPlan', { id }));
  }
  getNutritionPlan(id: string) {
    return call(() => ipcCall('getNutritionPlan', { id }));
  }
  exportPlanJson(kind: PlanKind, plan_id: string) {
    return call(() => ipcCall('exportPlanJson', { kind, plan_id }));
  }
  exportPdf(file_name: string, job_id: string) {
    return call(() => ipcCall('exportPlanPdf', { file_name, job_id }));
  }
  exportClientPdf(args: ClientPdfArgs) {
    return call(() => ipcCall('exportClientPdf', args));
  }
  listPlanVersions(args: PlanRef) {
    return call(() => ipcCall('listPlanVersions', args));
  }
  getPlanVersion(args: PlanRef & { version: number }) {
    return call(() => ipcCall('getPlanVersion', args));
  }
  comparePlanVersions(args: CompareVersionsArgs) {
    return call(() => ipcCall('comparePlanVersions', args));
  }
  previewPlanEdits(args: PreviewEditsArgs) {
    return call(() => ipcCall('previewPlanEdits', args));
  }
  savePlanEdits(args: SaveEditsArgs) {
    return call(() => ipcCall('savePlanEdits', args));
  }
  restorePlanVersion(args: RestoreVersionArgs) {
    return call(() => ipcCall('restorePlanVersion', args));
  }
  approvePlan(args: ApprovePlanArgs) {
    return call(() => ipcCall('approvePlan', args));
  }
  async regeneratePlanPart(args: RegenerateArgs) {
    const job = await call(() => ipcCall('regeneratePlanPart', args));
    return { job_id: job._id };
  }
  listExercises() {
    return call(() => ipcCall('listExercises'));
  }
  getWorker() {
    return call(() => ipcCall('getWorkerStatus'));
  }
  restartWorker() {
    return call(() => ipcCall('restartWorker'));
  }
  getSettings() {
    return call(() => ipcCall('getSettings'));
  }
  updateSettings(patch: Parameters<CoachClient['updateSettings']>[0]) {
    return call(() => ipcCall('updateSettings', patch));
  }
  setLlmApiKey(api_key: string | null) {
    return call(() => ipcCall('setLlmApiKey', { api_key }));
  }
  testDatabase(mongo_url?: string) {
    return call(() => ipcCall('testDatabaseConnection', mongo_url ? { mongo_url } : undefined));
  }
  getApiAccess() {
    return call(() => ipcCall('getApiAccess'));
  }
  regenerateApiToken() {
    return call(() => ipcCall('regenerateApiToken'));
  }
  tailLogs(args?: TailLogsArgs) {
    return call(() => ipcCall('tailLogs', args));
  }
  async createBackup(passphrase?: string, onProgress?: ProgressCallback) {
    const summary = await withProgress(onProgress, () =>
      ipcCall('createBackup', passphrase ? { passphrase } : {}),
    );
    return (
      summary && {
        file: summary.file,
        bytes: summary.bytes,
        documents: summary.total_documents,
        encrypted: summary.encrypted,
      }
    );
  }
  backupStatus() {
    return call(() => ipcCall('backupStatus'));
  }
  async chooseBackupFile() {
    const chosen = await call(() => ipcCall('chooseBackupFile'));
    return chosen && { name: chosen.name, token: chosen.file };
  }
  async previewRestore(file: BackupFileRef, passphrase?: string, onProgress?: ProgressCallback) {
    const file_token = tokenOf(file);
    const answer = await withProgress(onProgress, () =>
      ipcCall('previewRestore', { file: file_token, ...(passphrase ? { passphrase } : {}) }),
    );
    if (!answer) throw new ClientError('not_found', 'No se eligió ningún archivo.');
    return answer.preview;
  }
  restoreBackup(file: BackupFileRef, options: RestoreOptions, onProgress?: ProgressCallback) {
    const file_token = tokenOf(file);
    const { passphrase, rule, apply_settings } = options;
    return withProgress(onProgress, () =>
      ipcCall('restoreBackup', {
        file: file_token,
        rule,
        apply_settings,
        ...(passphrase ? { passphrase } : {}),
      }),
    );
  }
  moveDatabase(args: MoveDatabaseArgs, onProgress?: ProgressCallback) {
    return withProgress(onProgress, () => ipcCall('moveDatabase', args));
  }
}
