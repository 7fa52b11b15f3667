import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { exportClientData } from '../../application/client-data-export';
import { clientPlanPdf } from '../../application/client-plan-pdf';
import { checkJobPlansExportable } from '../../application/plan-delivery';
import { readCoachBrand } from '../../config/coach-brand';
import { APP_VERSION } from '../../core/version';
import type { SaveFileKind } from '../desktop-platform';
import type { IpcCaller, IpcHandlers } from './dispatch';
import { asIpcFailure, IpcFailure } from './errors';
import { requireCore, type AppHost, type IpcCore } from './host';

/**
 * Written next to the target and renamed over it, so a full disk or a crash never leaves a
 * half-written PDF under the name the coach chose (a previous file of that name stays intact).
 */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.part`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

function exportFailure(path: string | null, error: unknown, kind: SaveFileKind): IpcFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = code ? ` (${code})` : '';
  const where = path ? ` en «${path}»` : '';
  const what = kind === 'zip' ? 'el archivo' : 'el PDF';
  return new IpcFailure(
    'export_failed',
    `No se pudo guardar ${what}${where}${detail}. Prueba otra carpeta o libera espacio en el disco.`,
  );
}

/**
 * A plan its audit blocked never leaves the app (the page could print it all the same): checked
 * here, in main, before any dialog — on the plans main reads from the job's own `result`, never on
 * ids the page sends. Then asks where: a cancelled dialog costs no printing.
 */
/** Asks where, then writes: a cancelled dialog writes nothing, a failed write leaves nothing half-done. */
async function saveWithDialog(
  host: Pick<AppHost, 'chooseSavePath'>,
  caller: IpcCaller,
  suggestedName: string,
  produce: () => Promise<Uint8Array>,
  kind: SaveFileKind = 'pdf',
): Promise<IpcResult<'exportPlanPdf'>> {
  const path = await host.chooseSavePath(caller.webContentsId, suggestedName, kind);
  if (!path) return { saved: false, path: null, bytes: 0 };
  let data: Uint8Array;
  try {
    data = await produce();
  } catch (error) {
    throw exportFailure(null, error, kind);
  }
  try {
    await writeAtomically(path, data);
  } catch (error) {
    throw exportFailure(path, error, kind);
  }
  return { saved: true, path, bytes: data.byteLength };
}

export async function exportPlanPdf(
  host: Pick<AppHost, 'chooseSavePath' | 'printToPdf'>,
  core: IpcCore | null,
  args: IpcParsedArgs<'exportPlanPdf'>,
  caller: IpcCaller,
): Promise<IpcResult<'exportPlanPdf'>> {
  await checkJobPlansExportable(requireCore(core).repositories, args.job_id).catch(asIpcFailure);
  return saveWithDialog(host, caller, args.file_name, () => host.printToPdf(caller.webContentsId));
}

/**
 * The client's PDF of a job's plans, drawn here from the shared template (not a print of the
 * page): drawn first — a blocked or unapproved plan is refused before any dialog — then saved where
 * the coach says, and only then recorded as delivered.
 */
export async function exportClientPdf(
  host: Pick<AppHost, 'chooseSavePath'>,
  core: IpcCore | null,
  args: IpcParsedArgs<'exportClientPdf'>,
  caller: IpcCaller,
): Promise<IpcResult<'exportClientPdf'>> {
  const { repositories, config } = requireCore(core);
  const { job_id, ...options } = args;
  const pdf = await clientPlanPdf(
    { repositories, coachBrand: () => readCoachBrand(config.dataDir) },
    { source: { job_id }, ...options, via: 'desktop' },
  ).catch(asIpcFailure);
  const result = await saveWithDialog(host, caller, pdf.file_name, async () => pdf.bytes);
  // Cancelled in the dialog: nothing reached the client.
  if (result.saved) await pdf.markDelivered();
  return result;
}

/** One client's complete data as a zip (application/client-data-export.ts), saved where the coach says. */
export async function saveClientData(
  host: Pick<AppHost, 'chooseSavePath'>,
  core: IpcCore | null,
  args: IpcParsedArgs<'exportClientData'>,
  caller: IpcCaller,
): Promise<IpcResult<'exportClientData'>> {
  const { repositories, config } = requireCore(core);
  const data = await exportClientData(
    { repositories, coachBrand: () => readCoachBrand(config.dataDir), version: APP_VERSION },
    args.id,
  ).catch(asIpcFailure);
  return saveWithDialog(host, caller, data.file_name, async () => data.bytes, 'zip');
}

export function fileExportHandlers(
  host: AppHost,
  core: () => IpcCore | null,
): Pick<IpcHandlers, 'exportPlanPdf' | 'exportClientPdf' | 'exportClientData'> {
  return {
    exportPlanPdf: (args, caller) => exportPlanPdf(host, core(), args, caller),
    exportClientPdf: (args, caller) => exportClientPdf(host, core(), args, caller),
    exportClientData: (args, caller) => saveClientData(host, core(), args, caller),
  };
}
