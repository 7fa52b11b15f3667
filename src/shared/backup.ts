import { z } from 'zod';

/*
 * Backups, restores and moves between databases (issue #18 points 1, 2 and 4; docs/ARCHITECTURE.md
 * "Backups"). One file holds every collection the app owns; these are the parts every door shows.
 */

/** What a backup file says about itself, first thing in its body. */
export const BackupManifestSchema = z.strictObject({
  app_version: z.string(),
  schema_version: z.number().int().min(1),
  created_at: z.iso.datetime(),
  /** Where it was taken: the embedded database of a laptop or a clinic's server (its name only). */
  source: z.strictObject({ mode: z.enum(['embedded', 'configured']), db_name: z.string() }),
  collections: z.array(z.string()),
  /** The settings file without secrets (API token, LLM key, the database address). */
  settings: z.record(z.string(), z.unknown()),
  /** Why it was taken: by hand or the daily automatic backup. */
  kind: z.enum(['manual', 'automatic']),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

/** The body's last line: known only once every document has been written (the file is streamed). */
export const BackupTotalsSchema = z.strictObject({
  counts: z.record(z.string(), z.number().int().min(0)),
  /** SHA-256 (hex) of each collection's documents as written, in order. */
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** SHA-256 of every body line before this one: catches lines moved between collections. */
  body_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupTotals = z.infer<typeof BackupTotalsSchema>;

export const BackupSummarySchema = z.strictObject({
  file: z.string(),
  bytes: z.number().int().min(0),
  encrypted: z.boolean(),
  manifest: BackupManifestSchema,
  counts: z.record(z.string(), z.number().int().min(0)),
  total_documents: z.number().int().min(0),
  duration_ms: z.number().min(0),
});
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

/**
 * What to do with a document whose `_id` is already in the database:
 * - `keep`: the database's stays (the backup only adds what is missing);
 * - `replace`: the backup's replaces it;
 * - `exact`: the app's collections are emptied first, so the database ends up exactly the backup.
 */
export const ConflictRuleSchema = z.enum(['keep', 'replace', 'exact']);
export type ConflictRule = z.infer<typeof ConflictRuleSchema>;

export const CollectionPreviewSchema = z.strictObject({
  collection: z.string(),
  /** Documents in the backup (or the source database). */
  incoming: z.number().int().min(0),
  /** Not in the database yet: added under every rule. */
  added: z.number().int().min(0),
  /** In the database and identical: nothing to do. */
  identical: z.number().int().min(0),
  /** In the database and different: replaced under `replace`/`exact`, kept under `keep`. */
  different: z.number().int().min(0),
  /** In the database and not in the backup: removed under `exact` only. */
  only_in_database: z.number().int().min(0),
});
export type CollectionPreview = z.infer<typeof CollectionPreviewSchema>;

export const TransferPreviewSchema = z.strictObject({
  manifest: BackupManifestSchema,
  encrypted: z.boolean(),
  /** The source is older: its documents are migrated after the copy (docs/ARCHITECTURE.md "Schema versions and migrations"). */
  needs_migration: z.boolean(),
  collections: z.array(CollectionPreviewSchema),
  /** Jobs queued or running in the target: a restore or move waits until there are none. */
  active_jobs_in_target: z.number().int().min(0),
  /** Clients erased from the target after the source was taken: restoring brings them back. */
  erasures_after_source: z.number().int().min(0),
});
export type TransferPreview = z.infer<typeof TransferPreviewSchema>;

export const TransferResultSchema = z.strictObject({
  rule: ConflictRuleSchema,
  written: z.record(z.string(), z.number().int().min(0)),
  kept: z.record(z.string(), z.number().int().min(0)),
  removed: z.record(z.string(), z.number().int().min(0)),
  migrated_from: z.number().int().nullable(),
  duration_ms: z.number().min(0),
});
export type TransferResult = z.infer<typeof TransferResultSchema>;

/** What a restore did, with the preview it passed and the copy taken of the database before an `exact` one. */
export const RestoreOutcomeSchema = TransferResultSchema.extend({
  preview: TransferPreviewSchema,
  /** `exact` empties the database first: what it held is saved here beforehand (null for other rules or an empty database). */
  safety_backup: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;

/** Long operations report where they are; each door shows it as a bar (CLI, Ajustes, HTTP events). */
export const TransferProgressSchema = z.strictObject({
  operation: z.enum(['backup', 'verify', 'preview', 'restore', 'move']),
  collection: z.string().nullable(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type TransferProgress = z.infer<typeof TransferProgressSchema>;

/** One backup taken, kept in the database so every instance on it knows when the last one was. */
export const BackupRunSchema = z.strictObject({
  _id: z.string(),
  at: z.date(),
  kind: z.enum(['manual', 'automatic']),
  file_name: z.string(),
  bytes: z.number().int().min(0),
  documents: z.number().int().min(0),
  encrypted: z.boolean(),
  /** The instance that took it (its folder is where the file is). */
  instance: z.string(),
});
export type BackupRun = z.infer<typeof BackupRunSchema>;

/** Where a move goes: a MongoDB server (the clinic's), or back to this computer's embedded database. */
export const MoveTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('server'),
    url: z
      .string()
      .trim()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'una dirección mongodb://… o mongodb+srv://…'),
    db_name: z
      .string()
      .trim()
      .min(1)
      .max(63)
      .regex(/^[^/\\. "$*<>:|?]+$/, 'un nombre de base de datos válido'),
  }),
  z.strictObject({ kind: z.literal('embedded') }),
]);
export type MoveTarget = z.infer<typeof MoveTargetSchema>;

/** A passphrase long enough to resist guessing offline (the file may travel on a USB stick). */
export const BackupPassphraseSchema = z.string().min(8, 'al menos 8 caracteres').max(1024);

export const MoveArgsSchema = z.strictObject({
  target: MoveTargetSchema,
  /** `exact` is not offered: a move never empties a database it did not fill. */
  rule: z.enum(['keep', 'replace']).default('keep'),
  /** Preview only: what would be added, replaced, kept. */
  dry_run: z.boolean().default(true),
});
export type MoveArgs = z.infer<typeof MoveArgsSchema>;

export const MoveOutcomeSchema = z.discriminatedUnion('dry_run', [
  z.strictObject({ dry_run: z.literal(true), target: z.string(), preview: TransferPreviewSchema }),
  z.strictObject({
    dry_run: z.literal(false),
    target: z.string(),
    result: TransferResultSchema.extend({
      resumed: z.boolean(),
      /** The setting names the target and the app will use it (no environment variable overrides it). */
      switched: z.boolean(),
      /** Environment variables that keep this app on the old database although the setting changed. */
      env_overrides: z.array(z.string()),
      /** Switched, but this host goes on with the old database until it is restarted (`edn360 serve`). */
      restart_required: z.boolean(),
    }),
  }),
]);
export type MoveOutcome = z.infer<typeof MoveOutcomeSchema>;

/** Ajustes' backup panel: the last backups (any instance on this database) and the automatic schedule. */
export const BackupStatusSchema = z.strictObject({
  last: BackupRunSchema.nullable(),
  last_automatic: BackupRunSchema.nullable(),
  automatic: z.strictObject({
    folder: z.string(),
    keep: z.number().int().min(0),
    /** When the next automatic backup is due; null when they are off. */
    next_due_at: z.date().nullable(),
  }),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;
