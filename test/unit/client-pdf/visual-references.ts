import type { ClientPdfPageSize } from '../../../src/shared/client-pdf/client-plan-pdf';
import type { ClientPlanLanguage } from '../../../src/shared/client-plan/schema';

/** The rendered pages kept as reference PNGs (`npm run pdf:reference` writes them). */
export const VISUAL_REFERENCES: readonly {
  file: string;
  language: ClientPlanLanguage;
  pageSize: ClientPdfPageSize;
  page: number;
  scale: number;
}[] = [
  {
    file: 'test/fixtures/client-pdf/reference-es-a4-page-2.png',
    language: 'es',
    pageSize: 'A4',
    page: 2,
    scale: 1,
  },
];
