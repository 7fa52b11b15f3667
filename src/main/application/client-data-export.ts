import { strToU8, zipSync, type Zippable } from 'fflate';
import { PAGE_LIMIT_MAX, type Page } from '@shared/paging';
import type { PlanKind } from '@shared/plan-delivery';
import type { Repositories } from '../db/repositories';
import { clientPlanPdf, type ClientPdfDeps } from './client-plan-pdf';
import { fileSlug } from './file-slug';
import { requireClient } from './clients';
import { DomainError } from './domain-error';

/*
 * One client's complete data as a zip (issue #18 point 3: a client may ask for their data): who they
 * are, every questionnaire, every plan with all its versions, their jobs' history, and the PDF of
 * their current approved plans. One use case for HTTP `GET /admin/users/{id}/export`; the files are
 * JSON a person or another program can read, named in Spanish like the app.
 */

export interface ClientDataExportDeps extends ClientPdfDeps {
  repositories: ClientPdfDeps['repositories'] & Pick<Repositories, 'planVersions'>;
  /** The app's version, named in the manifest. */
  version: string;
}

export interface ClientDataExport {
  bytes: Uint8Array;
  file_name: string;
  /** Files per folder, as the manifest lists them. */
  counts: Record<string, number>;
}

/** Every page of a paginated list (a client has tens of documents, not thousands). */
async function everything<T>(
  list: (page: { limit: number; offset: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += PAGE_LIMIT_MAX) {
    const page = await list({ limit: PAGE_LIMIT_MAX, offset });
    all.push(...page.items);
    if (page.items.length < PAGE_LIMIT_MAX) return all;
  }
}

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);
const safeName = (text: string): string => fileSlug(text).slice(0, 60) || 'cliente';

const FOLDER: Record<PlanKind, string> = { training: 'planes/entrenamiento', nutrition: 'planes/nutricion' };

export async function exportClientData(
  deps: ClientDataExportDeps,
  userId: string,
  now = new Date(),
): Promise<ClientDataExport> {
  const repos = deps.repositories;
  const client = await requireClient(repos, userId);
  const files: Zippable = { 'cliente.json': json(client) };
  const counts: Record<string, number> = {};
  const add = (folder: string, name: string, data: Uint8Array): void => {
    files[`${folder}/${name}`] = data;
    counts[folder] = (counts[folder] ?? 0) + 1;
  };

  for (const submission of await everything((page) => repos.submissions.listForUser(userId, page)))
    add(
      'cuestionarios',
      `${submission.submitted_at.toISOString().slice(0, 10)}_${safeName(submission._id)}.json`,
      json(submission),
    );

  const plans = {
    training: await everything((page) => repos.trainingPlans.listForUser(userId, page)),
    nutrition: await everything((page) => repos.nutritionPlans.listForUser(userId, page)),
  };
  for (const kind of ['training', 'nutrition'] as const) {
    for (const plan of plans[kind]) {
      add(FOLDER[kind], `${safeName(plan._id)}.json`, json(plan));
      for (const summary of await repos.planVersions.list(plan._id)) {
        const version = await repos.planVersions.get(plan._id, summary.version);
        if (version)
          add(`${FOLDER[kind]}/versiones`, `${safeName(plan._id)}_v${summary.version}.json`, json(version));
      }
    }
  }

  const jobs = await everything((page) => repos.jobs.list({ user_id: userId, ...page }));
  files['trabajos.json'] = json(jobs);
  counts['trabajos'] = jobs.length;

  // The client's copy of their current plans, when the coach approved them (never a draft or a
  // blocked plan: the same rule as every client PDF). Exporting data is not a delivery.
  const pdfs: string[] = [];
  for (const kind of ['training', 'nutrition'] as const) {
    const current = await (
      kind === 'training' ? repos.trainingPlans : repos.nutritionPlans
    ).latestDeliverableForUser(userId);
    if (!current) continue;
    try {
      const pdf = await clientPlanPdf(deps, { source: { kind, plan_id: current._id }, via: 'api' });
      const name = kind === 'training' ? 'plan-entrenamiento-actual.pdf' : 'plan-nutricion-actual.pdf';
      files[name] = pdf.bytes;
      pdfs.push(name);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }

  files['manifest.json'] = json({
    app: 'EDN360 Coach',
    app_version: deps.version,
    exported_at: now,
    client_id: client._id,
    counts,
    pdfs,
  });
  files['LEEME.txt'] = strToU8(
    [
      `Datos de ${client.nombre_completo} exportados de EDN360 Coach el ${now.toISOString().slice(0, 10)}.`,
      '',
      'cliente.json — datos del cliente',
      'cuestionarios/ — cada cuestionario, con las respuestas tal como se enviaron',
      'planes/ — cada plan de entrenamiento y de nutrición, y sus versiones',
      'trabajos.json — el historial de generación de planes',
      pdfs.length > 0
        ? `${pdfs.join(', ')} — el plan actual aprobado por el entrenador`
        : 'No hay un plan actual aprobado por el entrenador: no se incluye PDF.',
      '',
    ].join('\n'),
  );
  return {
    bytes: zipSync(files, { level: 6, mtime: now }),
    file_name: `datos-${safeName(client.nombre_completo)}-${now.toISOString().slice(0, 10)}.zip`,
    counts,
  };
}
