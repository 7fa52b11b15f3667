import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { checkJobPlansExportable } from '../../application/plan-delivery';
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

function exportFailure(path: string | null, error: unknown): IpcFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = code ? ` (${code})` : '';
  const where = path ? ` en «${path}»` : '';
  return new IpcFailure(
    'export_failed',
    `No se pudo guardar el PDF${where}${detail}. Prueba otra carpeta o libera espacio en el disco.`,
  );
}

/**
 * A plan its audit blocked never leaves the app (the page could print it all the same): checked
 * here, in main, before any dialog — on the plans main reads from the job's own `result`, never on
 * ids the page sends. Then asks where: a cancelled dialog costs no printing.
 */
export async function exportPlanPdf(
  host: Pick<AppHost, 'choosePdfPath' | 'printToPdf'>,
  core: IpcCore | null,
  args: IpcParsedArgs<'exportPlanPdf'>,
  caller: IpcCaller,
): Promise<IpcResult<'exportPlanPdf'>> {
  await checkJobPlansExportable(requireCore(core).repositories, args.job_id).catch(asIpcFailure);
  const path = await host.choosePdfPath(caller.webContentsId, args.file_name);
  if (!path) return { saved: false, path: null, bytes: 0 };
  let data: Uint8Array;
  try {
    data = await host.printToPdf(caller.webContentsId);
  } catch (error) {
    throw exportFailure(null, error);
  }
  try {
    await writeAtomically(path, data);
  } catch (error) {
    throw exportFailure(path, error);
  }
  return { saved: true, path, bytes: data.byteLength };
}

export function pdfExportHandlers(
  host: AppHost,
  core: () => IpcCore | null,
): Pick<IpcHandlers, 'exportPlanPdf'> {
  return { exportPlanPdf: (args, caller) => exportPlanPdf(host, core(), args, caller) };
}
