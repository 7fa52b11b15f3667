import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '../../../src/main/api/validate';
import { ApiError } from '../../../src/main/api/errors';
import { dispatch, type IpcHandlers } from '../../../src/main/electron/ipc/dispatch';
import { IpcFailure, validationFailure } from '../../../src/main/electron/ipc/errors';
import { IPC_CONTRACT } from '../../../src/shared/ipc-contract';
import type { FieldError } from '../../../src/shared/field-error';
import { parseFields, UNKNOWN_FIELD_CODE, zodFieldErrors } from '../../../src/shared/zod-field-errors';
import { silentLogger } from '../../../src/main/log/logger';
import { appFrame, builtLocation } from '../electron/fakes';

// The same bad inputs through both doors' validation: the HTTP door's `parseInput` (an ApiError
// 400) and the IPC door's (`parseFields` under `args` → `validationFailure`, what `dispatch` does).
// After the door's prefix, fields and codes must be identical.

const Schema = z.strictObject({
  user_id: z.string().min(1),
  peso: z.number(),
  comidas: z.array(z.strictObject({ hora: z.string().regex(/^\d\d:\d\d$/) })).optional(),
});

function viaHttp(value: unknown, part: 'body' | 'query' | 'params' = 'body'): FieldError[] {
  try {
    parseInput(Schema, value, part);
  } catch (error) {
    if (error instanceof ApiError) return error.fieldErrors ?? [];
    throw error;
  }
  throw new Error('expected the HTTP door to refuse the input');
}

function viaIpc(value: unknown): IpcFailure {
  const parsed = parseFields(Schema, value, 'args');
  if (parsed.success) throw new Error('expected the IPC door to refuse the input');
  return validationFailure(parsed.errors);
}

/** Fields without the door's prefix, with their codes, in a stable order. */
function relative(fields: readonly FieldError[], prefix: string): string[] {
  return fields.map((f) => `${f.field.slice(prefix.length + 1)} ${f.code}`).sort();
}

const cases: { name: string; value: unknown; expected: string[] }[] = [
  {
    name: 'an unknown top-level key',
    value: { user_id: 'u1', peso: 70, apodo: 'Ana' },
    expected: [`apodo ${UNKNOWN_FIELD_CODE}`],
  },
  {
    name: 'two unknown keys, one error each',
    value: { user_id: 'u1', peso: 70, apodo: 'Ana', extra: 1 },
    expected: [`apodo ${UNKNOWN_FIELD_CODE}`, `extra ${UNKNOWN_FIELD_CODE}`],
  },
  { name: 'a wrong type', value: { user_id: 'u1', peso: 'mucho' }, expected: ['peso invalid_type'] },
  { name: 'a missing required field', value: { peso: 70 }, expected: ['user_id invalid_type'] },
  {
    name: 'a nested array path, with an unknown key inside an item',
    value: { user_id: 'u1', peso: 70, comidas: [{ hora: '08:00' }, { hora: 8, postre: true }] },
    expected: ['comidas.1.hora invalid_type', `comidas.1.postre ${UNKNOWN_FIELD_CODE}`],
  },
  {
    name: 'all at once',
    value: { peso: 'mucho', comidas: [{ hora: '8h' }], apodo: 'Ana' },
    expected: [
      `apodo ${UNKNOWN_FIELD_CODE}`,
      'comidas.0.hora invalid_format',
      'peso invalid_type',
      'user_id invalid_type',
    ],
  },
];

describe('one zod → field-error mapper for both doors', () => {
  for (const { name, value, expected } of cases) {
    it(`names ${name} the same over HTTP and IPC`, () => {
      const http = viaHttp(value);
      const ipc = viaIpc(value);
      expect(http.every((f) => f.field.startsWith('body.'))).toBe(true);
      expect(ipc.fields.every((f) => f.field.startsWith('args.'))).toBe(true);
      expect(relative(http, 'body')).toEqual(expected);
      expect(relative(ipc.fields, 'args')).toEqual(expected);
      // Same messages too, once the prefix is set aside; each starts with its field, in Spanish.
      const strip = (fields: readonly FieldError[], prefix: string) =>
        fields.map((f) => f.message.replace(`${prefix}.`, '')).sort();
      expect(strip(ipc.fields, 'args')).toEqual(strip(http, 'body'));
      for (const f of [...http, ...ipc.fields]) {
        expect(f.message.startsWith(`${f.field}: `)).toBe(true);
        expect(f.message).not.toMatch(/\b(Invalid|expected|received|Unrecognized)\b/);
      }
      expect(ipc.reason).toBe('validation_error');
      expect(ipc.message).toContain(ipc.fields[0]?.field);
    });
  }

  it('uses the prefix of each HTTP input part', () => {
    expect(relative(viaHttp({ peso: 70 }, 'query'), 'query')).toEqual(['user_id invalid_type']);
    expect(viaHttp({ peso: 70 }, 'params')[0]?.field).toBe('params.user_id');
  });

  it('names an unknown key in Spanish and lists the accepted keys at the top level', () => {
    const result = Schema.safeParse({ user_id: 'u1', peso: 70, apodo: 'Ana' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const [error] = zodFieldErrors('args', result.error.issues, Schema);
    expect(error).toEqual({
      field: 'args.apodo',
      code: UNKNOWN_FIELD_CODE,
      message: 'args.apodo: campo no admitido. Campos admitidos: user_id, peso, comidas.',
    });
  });

  it('is what the IPC dispatch answers for a contract method with an unknown key', async () => {
    const unexpected = () => {
      throw new Error('handler not expected');
    };
    const handlers = Object.fromEntries(
      Object.keys(IPC_CONTRACT).map((method) => [method, unexpected]),
    ) as unknown as IpcHandlers;
    const reply = await dispatch(
      'createClient',
      [{ nombre_completo: 'Ana', extra: 1, otro: 2 }],
      appFrame,
      { webContentsId: 1 },
      handlers,
      { location: builtLocation, logger: silentLogger() },
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.fields?.map((f) => `${f.field} ${f.code}`)).toEqual([
      `args.extra ${UNKNOWN_FIELD_CODE}`,
      `args.otro ${UNKNOWN_FIELD_CODE}`,
    ]);
    expect(reply.error.fields?.[0]?.message).toMatch(/^args\.extra: campo no admitido\./);
  });
});
