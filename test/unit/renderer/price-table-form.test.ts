import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES } from '../../../src/shared/pricing';
import {
  isBuiltInModel,
  PriceTableFormSchema,
  rowsFromTable,
  tableFromRows,
} from '../../../src/renderer/src/settings/price-table-form';

const local = { input_per_1m: 1, cached_input_per_1m: 0.5, output_per_1m: 4 };

function issues(rows: unknown[]): Array<[string, string]> {
  const result = PriceTableFormSchema.safeParse({ rows });
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('price table form (Ajustes)', () => {
  it('round-trips the table and stores only what differs from the built-in prices', () => {
    const rows = rowsFromTable({ ...DEFAULT_PRICES, 'modelo-local': local });
    expect(rows.map((r) => r.model)).toEqual([...Object.keys(DEFAULT_PRICES), 'modelo-local'].sort());
    expect(tableFromRows(rows)).toEqual({ 'modelo-local': local });
    const repriced = rows.map((r) => (r.model === 'gpt-5' ? { ...r, output_per_1m: 8 } : r));
    expect(tableFromRows(repriced)).toEqual({
      'gpt-5': { ...DEFAULT_PRICES['gpt-5'], output_per_1m: 8 },
      'modelo-local': local,
    });
    expect(isBuiltInModel(' gpt-5-mini ')).toBe(true);
    expect(isBuiltInModel('modelo-local')).toBe(false);
  });

  it('names every bad cell with an i18n key, duplicates included while other cells are still wrong', () => {
    expect(issues([{ model: 'gpt-5', ...local }])).toEqual([]);
    expect(
      issues([
        { model: 'gpt-5', ...local },
        { model: ' gpt-5 ', ...local, input_per_1m: undefined },
        { model: '', ...local, output_per_1m: -2 },
      ]),
    ).toEqual([
      ['rows.1.input_per_1m', 'settings.priceErrors.number'],
      ['rows.2.model', 'settings.priceErrors.modelRequired'],
      ['rows.2.output_per_1m', 'settings.priceErrors.negative'],
      ['rows.1.model', 'settings.priceErrors.duplicate'],
    ]);
  });
});
