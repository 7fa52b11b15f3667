import type { FastifyReply } from 'fastify';
import { clientPlanPdf, type ClientPdfRequest } from '../../application/client-plan-pdf';
import { readCoachBrand } from '../../config/coach-brand';
import type { ApiDependencies } from '../deps';
import { asApiError } from '../errors';
import type { RouteHandlers } from '../route-table';

/**
 * The client's PDF of a job's plans or of one plan (issue 15): a thin door onto the use case, which
 * refuses blocked plans. `?lang=es|en` (the plan's own by default), `?page_size=A4|LETTER`.
 */
export function clientPdfHandlers(
  deps: ApiDependencies,
): Pick<RouteHandlers, 'jobClientPdf' | 'trainingPlanClientPdf' | 'nutritionPlanClientPdf'> {
  const pdfDeps = {
    repositories: deps.repositories,
    coachBrand: () => readCoachBrand(deps.config.dataDir),
  };
  const send = async (request: ClientPdfRequest, reply: FastifyReply): Promise<Buffer> => {
    const pdf = await clientPlanPdf(pdfDeps, request).catch(asApiError);
    await pdf.markDelivered();
    reply.header('content-disposition', `attachment; filename="${pdf.file_name}"`).type('application/pdf');
    return pdf.bytes;
  };
  return {
    jobClientPdf: ({ params, query }, { reply }) =>
      send({ source: { job_id: params.job_id }, ...query, via: 'api' }, reply),
    trainingPlanClientPdf: ({ params, query }, { reply }) =>
      send({ source: { kind: 'training', plan_id: params.plan_id }, ...query, via: 'api' }, reply),
    nutritionPlanClientPdf: ({ params, query }, { reply }) =>
      send({ source: { kind: 'nutrition', plan_id: params.plan_id }, ...query, via: 'api' }, reply),
  };
}
