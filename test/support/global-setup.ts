import type { TestProject } from 'vitest/node';
import { startTestBackend } from './mongo-backend';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoBackend: string;
  }
}

/** One MongoDB server per test run; every test file gets its own database on it (see test-db.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = await startTestBackend();
  console.log(`[edn360 tests] MongoDB backend: ${backend.kind} — ${backend.detail}`);
  project.provide('mongoUri', backend.uri);
  project.provide('mongoBackend', backend.kind);
  return () => backend.stop();
}
