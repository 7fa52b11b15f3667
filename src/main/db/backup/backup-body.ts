import { createHash, type Hash } from 'node:crypto';
import { BSON, type Document } from 'mongodb';
import {
  BackupManifestSchema,
  BackupTotalsSchema,
  type BackupManifest,
  type BackupTotals,
} from '@shared/backup';
import { BackupFileError } from './backup-file';

/*
 * A backup's body, one record per line (docs/ARCHITECTURE.md "Backups"):
 *   manifest<TAB>{json}                  first: versions, source, collections, settings
 *   doc<TAB><collection><TAB>{ejson}     every document, in canonical Extended JSON (types kept:
 *                                        dates stay dates, integers stay integers)
 *   end<TAB>{json}                       last: counts and SHA-256 checksums
 * Checksums are over the documents' text exactly as written, so a reader checks them without
 * re-serialising anything; a file without its `end` line was cut short.
 */

const { EJSON } = BSON;

export interface DocumentBatch {
  collection: string;
  docs: Document[];
}

/** Documents as the app stores them; canonical EJSON keeps every BSON type through the round trip. */
export function documentText(doc: Document): string {
  return EJSON.stringify(doc, { relaxed: false });
}

export function parseDocumentText(text: string): Document {
  return EJSON.parse(text, { relaxed: false }) as Document;
}

class BodyChecksums {
  readonly counts: Record<string, number> = {};
  private readonly perCollection = new Map<string, Hash>();
  private readonly body = createHash('sha256');

  line(text: string): void {
    this.body.update(text).update('\n');
  }

  document(collection: string, text: string): void {
    let hash = this.perCollection.get(collection);
    if (!hash) {
      hash = createHash('sha256');
      this.perCollection.set(collection, hash);
      this.counts[collection] = 0;
    }
    hash.update(text).update('\n');
    this.counts[collection] = (this.counts[collection] ?? 0) + 1;
  }

  totals(collections: readonly string[]): BackupTotals {
    const checksums: Record<string, string> = {};
    const counts: Record<string, number> = {};
    for (const name of collections) {
      checksums[name] = (this.perCollection.get(name) ?? createHash('sha256')).digest('hex');
      counts[name] = this.counts[name] ?? 0;
    }
    return { counts, checksums, body_sha256: this.body.digest('hex') };
  }
}

/** The body's text, a few hundred documents per chunk (the file is written as they come). */
export async function* backupBodyLines(
  manifest: BackupManifest,
  batches: AsyncIterable<DocumentBatch>,
): AsyncIterable<string> {
  const sums = new BodyChecksums();
  const first = `manifest\t${JSON.stringify(manifest)}`;
  sums.line(first);
  yield `${first}\n`;
  for await (const { collection, docs } of batches) {
    let chunk = '';
    for (const doc of docs) {
      const text = documentText(doc);
      const line = `doc\t${collection}\t${text}`;
      sums.document(collection, text);
      sums.line(line);
      chunk += `${line}\n`;
    }
    if (chunk) yield chunk;
  }
  yield `end\t${JSON.stringify(sums.totals(manifest.collections))}\n`;
}

const unreadable = (detail: string): BackupFileError =>
  new BackupFileError(
    'backup_unreadable',
    `La copia está dañada: ${detail}. No se ha restaurado nada de ella.`,
  );

export interface BodyReadOptions {
  /** Documents per batch handed on (one collection per batch). */
  batchSize?: number;
  onManifest?: (manifest: BackupManifest) => void | Promise<void>;
}

/**
 * The documents of a backup body in batches; the manifest goes to `onManifest` before any. Counts and
 * checksums are checked at the end: a reader that must not act on a damaged file reads it once to
 * the end first (restore's verify pass).
 */
export async function* readBackupBody(
  lines: AsyncIterable<string>,
  options: BodyReadOptions = {},
): AsyncIterable<DocumentBatch> {
  const batchSize = options.batchSize ?? 500;
  const sums = new BodyChecksums();
  let manifest: BackupManifest | null = null;
  let totals: BackupTotals | null = null;
  let batch: DocumentBatch | null = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (totals) throw unreadable(`hay datos después del final (línea ${lineNumber})`);
    const tab = line.indexOf('\t');
    const kind = tab < 0 ? line : line.slice(0, tab);
    if (lineNumber === 1) {
      if (kind !== 'manifest') throw unreadable('falta el manifiesto al principio');
      manifest = parseJsonLine(line.slice(tab + 1), BackupManifestSchema.parse, 'el manifiesto');
      sums.line(line);
      await options.onManifest?.(manifest);
      continue;
    }
    if (kind === 'doc') {
      const second = line.indexOf('\t', tab + 1);
      const collection = second < 0 ? '' : line.slice(tab + 1, second);
      if (!manifest?.collections.includes(collection))
        throw unreadable(`la línea ${lineNumber} es de una colección que el manifiesto no nombra`);
      const text = line.slice(second + 1);
      let doc: Document;
      try {
        doc = parseDocumentText(text);
      } catch {
        throw unreadable(`el documento de la línea ${lineNumber} no se puede leer`);
      }
      sums.document(collection, text);
      sums.line(line);
      if (batch && (batch.collection !== collection || batch.docs.length >= batchSize)) {
        yield batch;
        batch = null;
      }
      batch ??= { collection, docs: [] };
      batch.docs.push(doc);
      continue;
    }
    if (kind === 'end') {
      totals = parseJsonLine(line.slice(tab + 1), BackupTotalsSchema.parse, 'el final');
      continue;
    }
    throw unreadable(`línea ${lineNumber} desconocida`);
  }
  if (!manifest || !totals) throw unreadable('el archivo está cortado (le falta el final)');
  const actual = sums.totals(manifest.collections);
  for (const name of manifest.collections) {
    if (actual.counts[name] !== totals.counts[name])
      throw unreadable(
        `«${name}» debía tener ${totals.counts[name] ?? 0} documentos y tiene ${actual.counts[name] ?? 0}`,
      );
    if (actual.checksums[name] !== totals.checksums[name])
      throw unreadable(`la suma de comprobación de «${name}» no coincide`);
  }
  if (actual.body_sha256 !== totals.body_sha256)
    throw unreadable('la suma de comprobación del conjunto no coincide');
  if (batch) yield batch;
}

/** The manifest alone: the body's first line, without reading further. */
export async function readManifest(lines: AsyncIterable<string>): Promise<BackupManifest> {
  for await (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 0 || line.slice(0, tab) !== 'manifest') break;
    return parseJsonLine(line.slice(tab + 1), BackupManifestSchema.parse, 'el manifiesto');
  }
  throw unreadable('falta el manifiesto al principio');
}

function parseJsonLine<T>(text: string, parse: (raw: unknown) => T, what: string): T {
  try {
    return parse(JSON.parse(text));
  } catch {
    throw unreadable(`${what} no se puede leer`);
  }
}
