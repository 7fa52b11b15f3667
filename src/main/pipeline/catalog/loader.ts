import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExerciseSchema, type Exercise } from '@shared/exercise';
import { ExerciseCatalog } from './catalog';
import { CatalogLoadError } from './errors';
import { resourceCandidates } from '../../util/resource-paths';

export const CATALOG_FILE_NAME = 'exercise-catalog.json';

/** The catalog inside a resources directory (repo `resources/`, or the packaged app's resources). */
export function defaultCatalogPath(resourcesDir: string): string {
  return join(resourcesDir, CATALOG_FILE_NAME);
}

/** Where the default catalog may live (see resourceCandidates: installer, build, checkout). */
export function catalogPathCandidates(): string[] {
  return resourceCandidates(CATALOG_FILE_NAME);
}

export function resolveDefaultCatalogPath(): string {
  const candidates = catalogPathCandidates();
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new CatalogLoadError(
      `No se encuentra el catálogo de ejercicios (${CATALOG_FILE_NAME}). Rutas probadas:`,
      candidates[0] ?? CATALOG_FILE_NAME,
      candidates,
    );
  }
  return found;
}

const describeEntry = (index: number, raw: unknown): string => {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? ` "${(raw as { id: string }).id}"`
      : '';
  return `#${index}${id}`;
};

/** Validate parsed catalog JSON. Every bad entry is named (index and id) in one error. */
export function parseCatalog(data: unknown, source: string): ExerciseCatalog {
  if (!Array.isArray(data)) {
    throw new CatalogLoadError(`El catálogo ${source} debe ser un array JSON de ejercicios.`, source);
  }
  if (data.length === 0) throw new CatalogLoadError(`El catálogo ${source} está vacío.`, source);
  const problems: string[] = [];
  const exercises: Exercise[] = [];
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  data.forEach((raw: unknown, index) => {
    const result = ExerciseSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(entrada)';
        problems.push(`${describeEntry(index, raw)}: ${field}: ${issue.message}`);
      }
      return;
    }
    const ex = result.data;
    const dupId = seenIds.get(ex.id);
    if (dupId !== undefined)
      problems.push(`${describeEntry(index, raw)}: id repetido (ya usado en #${dupId})`);
    else seenIds.set(ex.id, index);
    const nameKey = ex.nombre.toLocaleLowerCase('es');
    const dupName = seenNames.get(nameKey);
    if (dupName !== undefined) {
      problems.push(`${describeEntry(index, raw)}: nombre repetido "${ex.nombre}" (ya usado en #${dupName})`);
    } else seenNames.set(nameKey, index);
    exercises.push(ex);
  });
  if (problems.length > 0) {
    throw new CatalogLoadError(
      `El catálogo de ejercicios ${source} tiene ${problems.length} problema(s):`,
      source,
      problems,
    );
  }
  return new ExerciseCatalog(exercises, source);
}

/**
 * Read and validate a catalog file. Without a path, the default catalog is located with
 * `resolveDefaultCatalogPath()`. Throws `CatalogLoadError` (naming the bad entries) on any problem.
 */
export function loadCatalog(path?: string): ExerciseCatalog {
  const file = path ?? resolveDefaultCatalogPath();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogLoadError(
      `No se puede leer el catálogo de ejercicios ${file}: ${(error as Error).message}`,
      file,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogLoadError(`El catálogo ${file} no es JSON válido: ${(error as Error).message}`, file);
  }
  return parseCatalog(data, file);
}

let cached: ExerciseCatalog | undefined;

/** The process-wide catalog, loaded once (default location) on first use. */
export function getCatalog(): ExerciseCatalog {
  cached ??= loadCatalog();
  return cached;
}

/** Load a catalog from an explicit path (e.g. `defaultCatalogPath(config.resourcesDir)`) and cache it. */
export function initCatalog(path?: string): ExerciseCatalog {
  cached = loadCatalog(path);
  return cached;
}

/** Forget the cached catalog (tests). */
export function resetCatalogCache(): void {
  cached = undefined;
}
