import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TransferProgress } from '@shared/backup';
import {
  BACKUP_DOCUMENTS_HEADER,
  BACKUP_PASSPHRASE_HEADER,
  HTTP_ROUTES,
  NDJSON_CONTENT_TYPE,
  type HttpRouteSpec,
  type ProgressLine,
} from '@shared/http-routes';
import type { ApiErrorResponse } from '@shared/api';
import { manualBackupName } from '../../application/automatic-backups';
import type { ProgressListener } from '../../application/document-transfer';
import { DomainError } from '../../application/domain-error';
import type { ApiDependencies } from '../deps';
import { apiErrorOf, ApiError, unsupportedMediaType } from '../errors';
import { UPLOAD_BODY_LIMIT_BYTES, type RouteHandlers } from '../route-table';
import { parseInput } from '../validate';

/** The upload route (`upload` in the table) at this path, if it is one. */
function uploadRoute(path: string | undefined): HttpRouteSpec | null {
  if (path === undefined) return null;
  const routes: Record<string, HttpRouteSpec> = HTTP_ROUTES;
  return Object.values(routes).find((route) => route.upload !== undefined && route.path === path) ?? null;
}

/*
 * The database's care over HTTP (issue #18; docs/ARCHITECTURE.md "Backups"): a backup as a download,
 * its status, a restore's preview and the restore from an uploaded file, and the move to another
 * database — each one call of `databaseCare`, as Ajustes (IPC) and the CLI make it. Files pass
 * through a temporary folder that is removed whatever happens (success, error, a request cut short).
 */

/** A file received as a request body, on disk in its own temporary folder until the request is over. */
export class UploadedFile {
  private users = 0;
  private released = false;

  constructor(
    readonly dir: string,
    readonly file: string,
    readonly bytes: number,
  ) {}

  /** Runs `work` on the file; the folder outlives it even if the request ends meanwhile. */
  async use<T>(work: (file: string) => Promise<T>): Promise<T> {
    this.users += 1;
    try {
      return await work(this.file);
    } finally {
      this.users -= 1;
      if (this.released && this.users === 0) await this.remove();
    }
  }

  /** The request is over: the folder goes now, or when the last `use` ends. */
  async release(): Promise<void> {
    this.released = true;
    if (this.users === 0) await this.remove();
  }

  private remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function payloadTooLarge(): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `El archivo supera el límite de ${UPLOAD_BODY_LIMIT_BYTES / 1024 / 1024 / 1024} GB de una copia de seguridad.`,
  );
}

/** Streams a body to a temporary file, counting bytes against the limit; nothing is kept on failure. */
async function receiveUpload(payload: Readable, limit: number): Promise<UploadedFile | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'edn-upload-'));
  const file = join(dir, 'subida.edn360bak');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limit) callback(payloadTooLarge());
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(payload, counter, createWriteStream(file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  if (bytes === 0) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  return new UploadedFile(dir, file, bytes);
}

/**
 * `application/octet-stream` bodies: on an upload route (a restore) the file is streamed to disk, never
 * held in memory; anywhere else only an empty body is accepted (as every non-JSON type: a 415).
 * Each received file is removed once its request is over, answered or cut short.
 */
export function registerUploadParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/octet-stream', async (request: FastifyRequest, payload: Readable) => {
    const route = uploadRoute(request.routeOptions.url);
    if (!route) {
      for await (const chunk of payload) if ((chunk as Buffer).length > 0) throw unsupportedMediaType();
      return undefined;
    }
    // A bad query or passphrase is refused before a byte of the file is stored.
    if (route.query) parseInput(route.query, request.query, 'query');
    passphraseOf(request);
    return receiveUpload(payload, request.routeOptions.bodyLimit ?? UPLOAD_BODY_LIMIT_BYTES);
  });
  const release = async (request: FastifyRequest): Promise<void> => {
    if (request.body instanceof UploadedFile) await request.body.release();
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}

function requireUpload(request: FastifyRequest): UploadedFile {
  if (request.body instanceof UploadedFile) return request.body;
  const message =
    'body: falta el archivo de copia; envíalo como cuerpo de la petición con Content-Type: application/octet-stream.';
  throw new ApiError(400, 'validation_error', message, [{ field: 'body', code: 'invalid_type', message }]);
}

/** The passphrase of an encrypted backup, from its header (never a query: addresses end up in logs). */
function passphraseOf(request: FastifyRequest): string | null {
  const raw = request.headers[BACKUP_PASSPHRASE_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return null;
  if (value.length > 1024) {
    const message = `headers.${BACKUP_PASSPHRASE_HEADER}: la contraseña tiene como máximo 1024 caracteres.`;
    throw new ApiError(400, 'validation_error', message, [
      { field: `headers.${BACKUP_PASSPHRASE_HEADER}`, code: 'too_big', message },
    ]);
  }
  return value;
}

/** An error as the API's error body (the same shape the error handler sends). */
function errorBody(error: unknown, deps: ApiDependencies): ApiErrorResponse {
  if (error instanceof ApiError) return error.toBody();
  if (error instanceof DomainError) return apiErrorOf(error).toBody();
  deps.logger.error({ err: error }, 'database care failed');
  return new ApiError(
    500,
    'internal_error',
    'Error interno del servidor. Vuelve a intentarlo; si se repite, revisa el log del servidor (carpeta logs de su carpeta de datos).',
  ).toBody();
}

const PROGRESS_EVERY_MS = 100;

function wantsProgress(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes(NDJSON_CONTENT_TYPE);
}

/**
 * A long operation's answer: its JSON answer, or — with `Accept: application/x-ndjson` — a stream of
 * progress lines (at most ~10 a second, the last one always) and a final `result` or `error` line.
 */
async function answer<T, A extends object>(
  deps: ApiDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  run: (onProgress?: ProgressListener) => Promise<T>,
  wrap: (value: T) => A,
  /** Runs before the stream's last byte (the upload's removal), so a finished answer left nothing behind. */
  settle: () => Promise<void> = async () => undefined,
): Promise<A | FastifyReply> {
  if (!wantsProgress(request)) {
    try {
      return wrap(await run());
    } finally {
      await settle();
    }
  }
  const stream = new PassThrough();
  const write = (line: ProgressLine): void => {
    if (!stream.destroyed && !stream.writableEnded) stream.write(`${JSON.stringify(line)}\n`);
  };
  let lastSent = 0;
  let pending: TransferProgress | null = null;
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) write({ progress: pending });
    pending = null;
    lastSent = Date.now();
  };
  const onProgress: ProgressListener = (progress) => {
    pending = progress;
    const wait = lastSent + PROGRESS_EVERY_MS - Date.now();
    if (wait <= 0) flush();
    else timer ??= setTimeout(flush, wait);
  };
  void reply.code(200).header('cache-control', 'no-store').type(NDJSON_CONTENT_TYPE).send(stream);
  try {
    const value = await run(onProgress);
    flush();
    write({ result: wrap(value) });
  } catch (error) {
    flush();
    write({ error: errorBody(error, deps) });
  } finally {
    await settle();
    stream.end();
  }
  return reply;
}

/** `answer` over the uploaded backup file: its passphrase header read, the upload removed at the end. */
async function answerUpload<T, A extends object>(
  deps: ApiDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  run: (file: string, passphrase: string | null, onProgress?: ProgressListener) => Promise<T>,
  wrap: (value: T) => A,
): Promise<A | FastifyReply> {
  const passphrase = passphraseOf(request);
  const upload = requireUpload(request);
  try {
    return await answer(
      deps,
      request,
      reply,
      (onProgress) => upload.use((file) => run(file, passphrase, onProgress)),
      wrap,
      () => upload.release(),
    );
  } finally {
    await upload.release();
  }
}

export function backupHandlers(
  deps: ApiDependencies,
): Pick<
  RouteHandlers,
  'backupDatabase' | 'backupStatus' | 'previewRestore' | 'restoreBackup' | 'moveDatabase'
> {
  const care = deps.databaseCare;
  return {
    backupDatabase: async ({ body }, { reply }) => {
      const dir = await mkdtemp(join(tmpdir(), 'edn-backup-'));
      const removeDir = (): Promise<void> => rm(dir, { recursive: true, force: true }).catch(() => undefined);
      const name = manualBackupName(new Date());
      const file = join(dir, name);
      let summary;
      try {
        summary = await care.backup({ file, passphrase: body?.passphrase ?? null, kind: 'manual' });
      } catch (error) {
        await removeDir();
        throw error;
      }
      const stream = createReadStream(file);
      let removed = false;
      const cleanup = (): void => {
        if (removed) return;
        removed = true;
        void removeDir();
      };
      stream.once('close', cleanup);
      reply.raw.once('close', () => {
        stream.destroy();
        cleanup();
      });
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header(BACKUP_DOCUMENTS_HEADER, String(summary.total_documents))
        .header('content-length', String(summary.bytes))
        .type('application/octet-stream')
        .send(stream);
    },
    backupStatus: async () => ({ success: true, status: await care.status() }),
    previewRestore: async (_input, { request, reply }) =>
      answerUpload(
        deps,
        request,
        reply,
        (file, passphrase, onProgress) => care.previewRestore({ file, passphrase }, onProgress),
        (preview) => ({ success: true as const, preview }),
      ),
    restoreBackup: async ({ query }, { request, reply }) =>
      answerUpload(
        deps,
        request,
        reply,
        (file, passphrase, onProgress) =>
          care.restore(
            { file, passphrase, rule: query.rule, apply_settings: query.settings === '1' },
            onProgress,
          ),
        (restore) => ({ success: true as const, restore }),
      ),
    moveDatabase: async ({ body }, { request, reply }) =>
      answer(
        deps,
        request,
        reply,
        (onProgress) => care.move(body, onProgress),
        (move) => ({ success: true as const, move }),
      ),
  };
}
