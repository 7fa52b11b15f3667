import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline as pipelineCallback, Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { newSeal, openSeal, SealSchema, sealStream, unsealStream } from './sealed-stream';

/*
 * The backup file (docs/ARCHITECTURE.md "Backups"): two plaintext lines — a magic line and a JSON
 * header saying the format and, for an encrypted file, the seal's parameters — then the body:
 * gzip'd lines (backup-body.ts), sealed with the passphrase when there is one. Written to
 * `<file>.partial` and renamed at the end, so a backup cut short never looks like a finished one.
 */

const MAGIC = 'EDN360-BACKUP';
export const BACKUP_FORMAT = 1;
/** The header's longest plausible length; anything longer is not one of ours. */
const HEADER_MAX_BYTES = 4096;

const HeaderSchema = z.strictObject({
  format: z.number().int().min(1),
  encryption: SealSchema.nullable(),
});
type Header = z.infer<typeof HeaderSchema>;

export class BackupFileError extends Error {
  constructor(
    readonly reason:
      'backup_unreadable' | 'backup_newer_format' | 'backup_passphrase_required' | 'backup_wrong_passphrase',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Writes the body's lines (each chunk one or more whole lines) to `file`; returns its size. */
export async function writeBackupFile(
  file: string,
  body: AsyncIterable<string>,
  passphrase: string | null,
): Promise<{ bytes: number }> {
  const keys = passphrase ? await newSeal(passphrase) : null;
  const header: Header = { format: BACKUP_FORMAT, encryption: keys?.seal ?? null };
  const preamble = Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    await new Promise<void>((resolve, reject) => out.write(preamble, (e) => (e ? reject(e) : resolve())));
    const stages: Transform[] = [createGzip({ level: 6 })];
    if (keys) stages.push(sealStream(keys, preamble));
    await pipeline([Readable.from(body, { objectMode: false }), ...stages, out]);
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes: (await stat(file)).size };
}

async function readPreamble(file: string): Promise<{ header: Header; preamble: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_MAX_BYTES), 0, HEADER_MAX_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const first = head.indexOf(0x0a);
    const second = first < 0 ? -1 : head.indexOf(0x0a, first + 1);
    if (first < 0 || second < 0 || head.subarray(0, first).toString('utf8') !== MAGIC)
      throw new BackupFileError('backup_unreadable', 'El archivo no es una copia de seguridad de EDN360.');
    let raw: unknown;
    try {
      raw = JSON.parse(head.subarray(first + 1, second).toString('utf8'));
    } catch (error) {
      throw new BackupFileError('backup_unreadable', 'La cabecera de la copia está dañada.', {
        cause: error,
      });
    }
    const format = (raw as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > BACKUP_FORMAT)
      throw new BackupFileError(
        'backup_newer_format',
        `Esta copia usa un formato más nuevo (${format}) que el que entiende esta versión de EDN360 (${BACKUP_FORMAT}). Actualiza la app para restaurarla.`,
      );
    const parsed = HeaderSchema.safeParse(raw);
    if (!parsed.success)
      throw new BackupFileError('backup_unreadable', 'La cabecera de la copia está dañada.');
    return { header: parsed.data, preamble: Buffer.from(head.subarray(0, second + 1)) };
  } finally {
    await handle.close();
  }
}

export interface OpenedBackup {
  encrypted: boolean;
  /** The body's lines, decrypted and decompressed as they are read. Each call reads the file again. */
  lines(): AsyncIterable<string>;
}

/** Opens a backup: checks that it is one and, if it is sealed, the passphrase — before any reading. */
export async function openBackupFile(file: string, passphrase: string | null): Promise<OpenedBackup> {
  const { header, preamble } = await readPreamble(file);
  const seal = header.encryption;
  let key: Buffer | null = null;
  if (seal) {
    if (!passphrase)
      throw new BackupFileError(
        'backup_passphrase_required',
        'Esta copia está cifrada: escribe la contraseña con la que se hizo.',
      );
    try {
      key = await openSeal(passphrase, seal);
    } catch (error) {
      throw new BackupFileError('backup_wrong_passphrase', 'La contraseña de la copia no es correcta.', {
        cause: error,
      });
    }
  }
  return {
    encrypted: seal !== null,
    lines: () => {
      const raw = createReadStream(file, { start: preamble.length, highWaterMark: 256 * 1024 });
      const stages: Transform[] = [];
      if (seal && key) stages.push(unsealStream(key, seal, preamble));
      stages.push(createGunzip());
      // One pipeline: destroying its end (a reader that stops early) closes the file too.
      // Errors surface through the line reader, which names them.
      const text = pipelineCallback([raw, ...stages], () => undefined) as unknown as Readable;
      return linesOf(text);
    },
  };
}

async function* linesOf(stream: Readable): AsyncIterable<string> {
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const reason = (error as { reason?: string }).reason;
    throw new BackupFileError(
      'backup_unreadable',
      reason === 'backup_unreadable' && error instanceof Error
        ? error.message
        : 'La copia está dañada o cortada: no se puede leer entera.',
      { cause: error },
    );
  } finally {
    reader.close();
    stream.destroy();
  }
}
