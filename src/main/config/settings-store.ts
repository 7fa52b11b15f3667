import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SettingsFileSchema, type SettingsFile } from '@shared/config';

export const SETTINGS_FILE_NAME = 'settings.json';

export class SettingsFileError extends Error {
  readonly reason = 'invalid_settings';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `El archivo de ajustes ${path} no es válido: ${detail}. Corrígelo o bórralo para volver a los valores por defecto.`,
    );
  }
}

export async function readSettingsFile(dataDir: string): Promise<SettingsFile> {
  const path = join(dataDir, SETTINGS_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SettingsFileError(path, 'no es JSON');
  }
  const parsed = SettingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`).join('; ');
    throw new SettingsFileError(path, detail);
  }
  return parsed.data;
}

/** Write-then-rename so a crash mid-write never leaves a truncated settings file. */
export async function writeSettingsFile(dataDir: string, settings: SettingsFile): Promise<void> {
  const valid = SettingsFileSchema.parse(settings);
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, SETTINGS_FILE_NAME);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(valid, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  await rename(tmp, path);
}
