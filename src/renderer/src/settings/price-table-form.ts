import { z } from 'zod';
import { ModelPriceSchema, type ModelPrice } from '@shared/config';
import { DEFAULT_PRICES, type PriceTable } from '@shared/pricing';

/*
 * The price table as the editor's rows. Messages are i18n keys (settings.priceErrors.*): the screen
 * translates them, so a bad row reads in the coach's language.
 */
const price = (key: keyof ModelPrice) =>
  z
    .number({ error: 'settings.priceErrors.number' })
    .min(0, 'settings.priceErrors.negative')
    .max(10_000, 'settings.priceErrors.tooHigh')
    .pipe(ModelPriceSchema.shape[key]);

export const PriceRowSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1, 'settings.priceErrors.modelRequired')
    .max(128, 'settings.priceErrors.modelTooLong'),
  input_per_1m: price('input_per_1m'),
  cached_input_per_1m: price('cached_input_per_1m'),
  output_per_1m: price('output_per_1m'),
});
export type PriceRow = z.infer<typeof PriceRowSchema>;

export const PriceTableFormSchema = z.object({ rows: z.array(PriceRowSchema) }).superRefine(
  ({ rows }, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      // Runs even when other cells are invalid (see `when`), so a row may be partly filled.
      const model = typeof row.model === 'string' ? row.model.trim() : '';
      if (!model) return;
      if (seen.has(model)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'model'],
          message: 'settings.priceErrors.duplicate',
        });
      }
      seen.add(model);
    });
  },
  // Report a duplicate name together with the other cells' errors, not only once they are fixed.
  { when: (payload) => Array.isArray((payload.value as { rows?: unknown } | undefined)?.rows) },
);
export type PriceTableForm = z.infer<typeof PriceTableFormSchema>;

export function rowsFromTable(table: PriceTable): PriceRow[] {
  return Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, p]) => ({ model, ...p }));
}

/** Only what differs from the built-in prices is stored; the rest keeps following the defaults. */
export function tableFromRows(rows: readonly PriceRow[]): PriceTable {
  const table: PriceTable = {};
  for (const { model, ...p } of rows) {
    const name = model.trim();
    const builtIn = DEFAULT_PRICES[name];
    const same =
      builtIn !== undefined &&
      builtIn.input_per_1m === p.input_per_1m &&
      builtIn.cached_input_per_1m === p.cached_input_per_1m &&
      builtIn.output_per_1m === p.output_per_1m;
    if (!same) table[name] = p;
  }
  return table;
}

export function isBuiltInModel(model: string): boolean {
  return Object.hasOwn(DEFAULT_PRICES, model.trim());
}
