import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';
import { IdSchema } from './ids';

/*
 * Erasing a client (issue #18 point 3; a right clients have over their health data): the client and
 * everything derived from them goes, leaving only an anonymous record that an erasure happened.
 * The same contract for both doors (IPC `eraseClient`, HTTP `POST /admin/users/{id}/erase`).
 */

/** The coach confirms by typing the client's name (or id): erasing cannot be undone. */
export const EraseClientConfirmSchema = z.strictObject({
  confirm: z
    .string()
    .trim()
    .min(1, 'escribe el nombre del cliente para confirmar')
    .max(200, 'máximo 200 caracteres'),
});

export const EraseClientArgsSchema = EraseClientConfirmSchema.extend({ id: IdSchema });
export type EraseClientArgs = z.infer<typeof EraseClientArgsSchema>;

/** Documents removed per collection (collection names as stored). */
export const ErasedCountsSchema = z.record(z.string(), z.number().int().min(0));

/**
 * What an erasure leaves: when, through which door, how many documents of each kind — never whose
 * (no id, name or email). Stored in the `erasures` collection and returned to the caller.
 */
export const ErasureRecordSchema = z.object({
  _id: z.string(),
  erased_at: z.date(),
  via: z.enum(['ipc', 'api', 'cli']),
  documents: ErasedCountsSchema,
  total: z.number().int().min(0),
  schema_version: SchemaVersionFieldSchema,
});
export type ErasureRecord = z.infer<typeof ErasureRecordSchema>;
