import { z } from 'zod';
import { IdSchema } from './ids';
import { PLAN_KINDS } from './plan-delivery';
import { LANGUAGES } from './settings-descriptor';

/*
 * Asking for the client's PDF of a plan (docs/ARCHITECTURE.md "Doors: HTTP, IPC, CLI"): the same
 * options through every door — the language (the plan's own by default) and the paper.
 */

export const CLIENT_PDF_PAGE_SIZES = ['A4', 'LETTER'] as const;
export const ClientPdfPageSizeSchema = z.enum(CLIENT_PDF_PAGE_SIZES, {
  error: 'page_size debe ser "A4" o "LETTER"',
});
export type ClientPdfPageSize = z.infer<typeof ClientPdfPageSizeSchema>;

export const ClientPdfOptionsShape = {
  lang: z.enum(LANGUAGES, { error: 'lang debe ser "es" o "en"' }).optional(),
  page_size: ClientPdfPageSizeSchema.optional(),
};

/** `?lang=es|en&page_size=A4|LETTER` of the HTTP routes. */
export const ClientPdfQuerySchema = z.strictObject(ClientPdfOptionsShape);

/** A PDF's bytes, as a handler returns them and the browser client receives them. */
export const PdfBytesSchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.byteLength > 0,
  'se esperaban los bytes de un PDF',
);

/** A zip's bytes (a client's data export). */
export const ZipBytesSchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.byteLength > 0,
  'se esperaban los bytes de un zip',
);

/** What a client PDF prints: every plan one job produced, or one plan by its id. */
export const ClientPdfSourceSchema = z.union([
  z.object({ job_id: IdSchema }),
  z.object({ kind: z.enum(PLAN_KINDS), plan_id: IdSchema }),
]);
export type ClientPdfSource = z.infer<typeof ClientPdfSourceSchema>;

/** Who signs the client's PDF (Ajustes: `coach_name`, `coach_contact`, `coach_logo`); null when unset. */
export interface CoachBrand {
  name: string | null;
  contact: string | null;
  logo: string | null;
}
