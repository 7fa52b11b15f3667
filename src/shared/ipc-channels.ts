/*
 * IPC channel names, without schemas. The sandboxed preload imports only this file (it must stay a
 * small CommonJS bundle with no zod inside); `ipc-contract.ts` pairs every name here with the zod
 * schemas of its arguments and result, and a compile-time check keeps the two lists identical.
 */

/** Renderer → main calls (`ipcRenderer.invoke`), keyed by the method name the preload exposes. */
export const IPC_METHOD_CHANNELS = {
  // app
  getStartupState: 'app:get-startup-state',
  rendererReady: 'app:renderer-ready',
  getAppInfo: 'app:get-info',
  openExternal: 'app:open-external',
  // clients
  listClients: 'clients:list',
  createClient: 'clients:create',
  getClient: 'clients:get',
  updateClient: 'clients:update',
  archiveClient: 'clients:archive',
  eraseClient: 'clients:erase',
  exportClientData: 'clients:export-data',
  // questionnaires
  validateQuestionnaire: 'questionnaires:validate',
  submitQuestionnaire: 'questionnaires:submit',
  listQuestionnaires: 'questionnaires:list',
  getQuestionnaire: 'questionnaires:get',
  getQuestionnaireReading: 'questionnaires:reading',
  correctQuestionnaireReading: 'questionnaires:correct-reading',
  // jobs
  generatePlan: 'jobs:generate',
  getJob: 'jobs:get',
  listJobs: 'jobs:list',
  cancelJob: 'jobs:cancel',
  retryJob: 'jobs:retry',
  estimatePlanCost: 'jobs:estimate',
  // plans
  listPlans: 'plans:list',
  getTrainingPlan: 'plans:get-training',
  getNutritionPlan: 'plans:get-nutrition',
  exportPlanPdf: 'plans:export-pdf',
  exportClientPdf: 'plans:export-client-pdf',
  exportPlanJson: 'plans:export-json',
  overridePlanBlock: 'plans:override-block',
  // plan versions and review (issue 16)
  listPlanVersions: 'plans:list-versions',
  getPlanVersion: 'plans:get-version',
  comparePlanVersions: 'plans:compare-versions',
  previewPlanEdits: 'plans:preview-edits',
  savePlanEdits: 'plans:save-edits',
  restorePlanVersion: 'plans:restore-version',
  approvePlan: 'plans:approve',
  regeneratePlanPart: 'plans:regenerate-part',
  // worker
  getWorkerStatus: 'worker:get-status',
  restartWorker: 'worker:restart',
  // settings
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  setLlmApiKey: 'settings:set-llm-api-key',
  testDatabaseConnection: 'settings:test-database',
  getApiAccess: 'settings:get-api-access',
  regenerateApiToken: 'settings:regenerate-api-token',
  // the database's care: backups, restores, moving to another database (issue #18)
  createBackup: 'backup:create',
  backupStatus: 'backup:status',
  chooseBackupFile: 'backup:choose-file',
  previewRestore: 'backup:preview-restore',
  restoreBackup: 'backup:restore',
  moveDatabase: 'database:move',
  // logs
  tailLogs: 'logs:tail',
  // exercise catalog (read-only)
  listExercises: 'catalog:exercises',
} as const;

export type IpcMethod = keyof typeof IPC_METHOD_CHANNELS;

/** Main → renderer pushes, keyed by the event name `on(event, cb)` takes. */
export const IPC_EVENT_CHANNELS = {
  job: 'event:job',
  'worker-status': 'event:worker-status',
  startup: 'event:startup',
  transferProgress: 'event:transfer-progress',
} as const;

export type IpcEventName = keyof typeof IPC_EVENT_CHANNELS;

export const IPC_METHODS = Object.keys(IPC_METHOD_CHANNELS) as IpcMethod[];
export const IPC_EVENTS = Object.keys(IPC_EVENT_CHANNELS) as IpcEventName[];
