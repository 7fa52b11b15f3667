import type {
  ApiAccess,
  DatabaseTestResult,
  IpcArgs,
  LogTail,
  IpcResult,
  PdfExportResult,
  PlanSummary,
  SettingsPatch,
  SettingsView,
  WorkerAndInstances,
} from '@shared/ipc-contract';
import type {
  BackupStatus,
  ConflictRule,
  MoveOutcome,
  RestoreOutcome,
  TransferPreview,
  TransferProgress,
} from '@shared/backup';
import type { CatalogExercise } from '@shared/exercise';
import type { Page } from '@shared/paging';
import type { JobType, PublicJob } from '@shared/job';
import type { PlanKind } from '@shared/plan-delivery';
import type { PlanEstimate } from '@shared/pricing';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { ReadingCorrectionInput, SubmissionReading } from '@shared/reading-api';
import type { NewUserInput, User, UserUpdate } from '@shared/user';

/**
 * The one typed client every screen uses. Two transports implement it: IPC through the preload
 * (Electron) and HTTP + SSE against `edn360 serve` (browser build). Types come from the shared zod
 * schemas (the IPC contract's results), so both transports hand the UI the same shapes (Dates as Dates).
 */

export type { Page } from '@shared/paging';

export type ListClientsArgs = NonNullable<IpcArgs<'listClients'>>;
export type ListJobsArgs = NonNullable<IpcArgs<'listJobs'>>;
export type GenerateArgs = IpcArgs<'generatePlan'>;
export type PlanList = IpcResult<'listPlans'>;
export type TailLogsArgs = NonNullable<IpcArgs<'tailLogs'>>;
export type ClientPdfArgs = IpcArgs<'exportClientPdf'>;
export type PlanRef = IpcArgs<'listPlanVersions'>;
export type PreviewEditsArgs = IpcArgs<'previewPlanEdits'>;
export type SaveEditsArgs = IpcArgs<'savePlanEdits'>;
export type RestoreVersionArgs = IpcArgs<'restorePlanVersion'>;
export type ApprovePlanArgs = IpcArgs<'approvePlan'>;
export type CompareVersionsArgs = IpcArgs<'comparePlanVersions'>;
export type PlanVersions = IpcResult<'listPlanVersions'>;
export type PlanVersion = IpcResult<'getPlanVersion'>;
export type PlanDiff = IpcResult<'comparePlanVersions'>;
export type PlanPreview = IpcResult<'previewPlanEdits'>;
export type PlanSaved = IpcResult<'savePlanEdits'>;
export type RegenerateArgs = IpcArgs<'regeneratePlanPart'>;
export type EraseClientArgs = IpcArgs<'eraseClient'>;
export type ClientErasure = IpcResult<'eraseClient'>;
export type ClientDataExport = IpcResult<'exportClientData'>;

export type MoveDatabaseArgs = IpcArgs<'moveDatabase'>;
export type { BackupStatus, ConflictRule, MoveOutcome, RestoreOutcome, TransferPreview, TransferProgress };
/** Where a backup, restore or move is: fed to a progress bar. */
export type ProgressCallback = (progress: TransferProgress) => void;

/** A backup just made: saved with the system dialog (IPC) or downloaded by the browser (HTTP). */
export interface BackupMade {
  /** Where it was saved (IPC), or the downloaded file's name (HTTP). */
  file: string;
  bytes: number;
  /** Documents in the file, when the transport says. */
  documents: number | null;
  encrypted: boolean;
}

/**
 * A backup file to restore: chosen in main's open dialog and named by a token (IPC: its path never
 * leaves main), or picked in the page and uploaded (HTTP).
 */
export type BackupFileRef = { name: string; token: string } | { name: string; upload: Blob };

export interface RestoreOptions {
  passphrase?: string;
  rule: ConflictRule;
  /** Also take the backup's settings (brand, models, prices; never secrets or addresses). */
  apply_settings: boolean;
}

/** What a transport can do; screens hide what is missing instead of failing. */
export interface ClientCapabilities {
  transport: 'ipc' | 'http';
  /** Editable settings (IPC only; the HTTP API exposes none). */
  settings: boolean;
  /** How a backup to restore is chosen: main's open dialog (IPC) or a file input in the page (HTTP). */
  backupFiles: 'dialog' | 'upload';
}

/** A failure with a machine-readable code and, for validation errors, the fields at fault. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly code: string,
    message: string,
    readonly fields: { field: string; code: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface CoachClient {
  readonly capabilities: ClientCapabilities;

  listClients(args?: ListClientsArgs): Promise<Page<User>>;
  getClient(id: string): Promise<User>;
  createClient(input: NewUserInput): Promise<User>;
  updateClient(id: string, changes: UserUpdate): Promise<User>;
  archiveClient(id: string, archived: boolean): Promise<User>;
  /**
   * Erases the client and everything derived from them (`confirm`: their name as typed by the
   * coach); answers the anonymous record left (when, how many documents). Cannot be undone.
   */
  eraseClient(args: EraseClientArgs): Promise<ClientErasure>;
  /**
   * All of one client's data as a zip (the client, questionnaires, plans with every version, the
   * jobs' history, the PDF of the current approved plans): saved where the coach chooses (IPC;
   * `saved: false` when the dialog was closed) or downloaded by the browser (HTTP; `path` is then
   * the file's name).
   */
  exportClientData(id: string): Promise<ClientDataExport>;

  // The form validates with the shared validator itself (questionnaire/resolver.ts): the same rules
  // the server applies on submit, without a round trip per keystroke.
  submitQuestionnaire(userId: string, responses: Record<string, unknown>): Promise<QuestionnaireSubmission>;
  listQuestionnaires(userId: string): Promise<QuestionnaireSubmission[]>;
  /** What the app understood from a stored questionnaire, with the coach's corrections. */
  getQuestionnaireReading(submissionId: string): Promise<SubmissionReading>;
  correctQuestionnaireReading(
    submissionId: string,
    corrections: ReadingCorrectionInput[],
  ): Promise<SubmissionReading>;

  generatePlan(args: GenerateArgs): Promise<PublicJob>;
  getJob(id: string): Promise<PublicJob>;
  listJobs(args?: ListJobsArgs): Promise<Page<PublicJob>>;
  cancelJob(id: string): Promise<PublicJob>;
  retryJob(id: string): Promise<PublicJob>;
  /** What a job of this type would cost with the server's models per agent and prices. */
  estimatePlanCost(type: JobType): Promise<PlanEstimate>;
  /** Pushes every new state of one job (IPC events or SSE); returns the unsubscribe function. */
  watchJob(
    id: string,
    onJob: (job: PublicJob) => void,
    onConnection?: (connected: boolean) => void,
  ): () => void;
  /** Pushes state changes of any job (IPC events; HTTP polls). */
  watchJobs(onJob: (job: PublicJob) => void): () => void;

  listPlans(userId: string): Promise<PlanList>;
  getTrainingPlan(id: string): Promise<TrainingPlanDocument>;
  getNutritionPlan(id: string): Promise<NutritionPlanDocument>;
  /**
   * One plan's JSON document for the coach to save, handed out by the server (HTTP
   * `GET /admin/{kind}-plans/{id}/export`, IPC `exportPlanJson`): refused with `plan_blocked` while
   * its audit blocks it.
   */
  exportPlanJson(kind: PlanKind, planId: string): Promise<TrainingPlanDocument | NutritionPlanDocument>;

  /**
   * Saves the page as printed (its print stylesheet) to a PDF the coach places with a save dialog
   * (Electron printToPDF). Null where the transport cannot: the screen opens the browser's print
   * dialog instead, which offers "Save as PDF". `jobId`: the job whose plans the page shows; main
   * reads its plans and refuses while any is blocked.
   */
  exportPdf(fileName: string, jobId: string): Promise<PdfExportResult | null>;

  /**
   * The client's version of a job's plans as a PDF (one template in every door): saved with the
   * system dialog (IPC) or downloaded by the browser (HTTP). Refused with `plan_blocked` while any
   * plan of the job is blocked.
   */
  exportClientPdf(args: ClientPdfArgs): Promise<PdfExportResult>;

  // --- The coach's editor, versions and approval (issue 16; one use case each on the host) ---
  /** A plan's versions (who, when, note, origin, audit state), oldest first, and its review state. */
  listPlanVersions(args: PlanRef): Promise<PlanVersions>;
  getPlanVersion(args: PlanRef & { version: number }): Promise<PlanVersion>;
  /** The readable changes between any two versions. */
  comparePlanVersions(args: CompareVersionsArgs): Promise<PlanDiff>;
  /** Edits applied and re-audited, nothing saved; refused by field (`edits.N.…`) or version. */
  previewPlanEdits(args: PreviewEditsArgs): Promise<PlanPreview>;
  /** The edits as a new version (a draft); `plan_version_conflict` when someone saved meanwhile. */
  savePlanEdits(args: SaveEditsArgs): Promise<PlanSaved>;
  restorePlanVersion(args: RestoreVersionArgs): Promise<PlanSaved>;
  /** Approves the current version; a blocked one needs `override_reason`. */
  approvePlan(args: ApprovePlanArgs): Promise<TrainingPlanDocument | NutritionPlanDocument>;
  /** Redo part of the current version with a note: a job (follow it like any other) that saves a new version. */
  regeneratePlanPart(args: RegenerateArgs): Promise<{ job_id: string }>;

  /** The exercise catalog (read-only): names in Spanish and English by id. */
  listExercises(): Promise<CatalogExercise[]>;

  getWorker(): Promise<WorkerAndInstances>;
  restartWorker(): Promise<WorkerAndInstances>;

  getSettings(): Promise<SettingsView | null>;
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  setLlmApiKey(key: string | null): Promise<SettingsView>;
  testDatabase(url?: string): Promise<DatabaseTestResult>;
  /** The local HTTP API's address and admin token (IPC); null where the transport does not tell it. */
  getApiAccess(): Promise<ApiAccess | null>;
  /** Replaces the admin token; clients still using the old one get 401 from now on. */
  regenerateApiToken(): Promise<ApiAccess>;
  /** The newest lines of the app's log (IPC); null where the transport has no access to it. */
  tailLogs(args?: TailLogsArgs): Promise<LogTail | null>;

  // --- The database's care (issue #18): backups, restores, moving to another database ---
  /** A backup of the whole database (encrypted with `passphrase`); null when the save dialog was closed. */
  createBackup(passphrase?: string, onProgress?: ProgressCallback): Promise<BackupMade | null>;
  /** The last backups (any instance on this database) and the automatic schedule. */
  backupStatus(): Promise<BackupStatus>;
  /** Main's open dialog (IPC); null when closed. Where `backupFiles` is `upload` the page picks the file. */
  chooseBackupFile(): Promise<BackupFileRef | null>;
  /** Reads and checks the whole file against the database; nothing is written. */
  previewRestore(
    file: BackupFileRef,
    passphrase?: string,
    onProgress?: ProgressCallback,
  ): Promise<TransferPreview>;
  /** Restores under the rule; refused (`database_has_active_jobs`) while jobs are queued or running. */
  restoreBackup(
    file: BackupFileRef,
    options: RestoreOptions,
    onProgress?: ProgressCallback,
  ): Promise<RestoreOutcome>;
  /** Copies every document to another database (`dry_run`: preview only) and switches the setting. */
  moveDatabase(args: MoveDatabaseArgs, onProgress?: ProgressCallback): Promise<MoveOutcome>;
}

export type { PlanSummary, PublicJob, User };
