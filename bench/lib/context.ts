import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from '../../src/main/db/indexes';
import type { TestBackend } from '../../test/support/mongo-backend';

export interface BenchOptions {
  /** Measure agenda even where it is known not to run correctly (jongodb); the figure says so. */
  forceAgenda: boolean;
}

/** What every section gets: the run's mode, the MongoDB, fresh databases, and a progress log. */
export class BenchContext {
  private readonly databases: Db[] = [];
  readonly parameters: Record<string, unknown> = {};

  constructor(
    readonly quick: boolean,
    readonly backend: TestBackend,
    readonly client: MongoClient,
    readonly options: BenchOptions,
  ) {}

  static async open(quick: boolean, backend: TestBackend, options: BenchOptions): Promise<BenchContext> {
    return new BenchContext(quick, backend, await MongoClient.connect(backend.uri), options);
  }

  /** A database of its own for one section, with the app's indexes; dropped at the end. */
  async freshDb(label: string): Promise<Db> {
    const db = this.client.db(`edn_bench_${label}_${randomBytes(4).toString('hex')}`);
    await ensureIndexes(db);
    this.databases.push(db);
    return db;
  }

  /** Progress goes to stderr so stdout stays one JSON document and one table. */
  log(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
  }

  /** Records the parameters a section ran with, so the JSON says exactly what was measured. */
  param(section: string, values: Record<string, unknown>): void {
    this.parameters[section] = { ...(this.parameters[section] as object | undefined), ...values };
  }

  async close(): Promise<void> {
    for (const db of this.databases) {
      // jongodb has no dropDatabase; its data dies with the server at the end of the run anyway.
      await db.dropDatabase().catch(() => undefined);
    }
    await this.client.close();
  }
}
