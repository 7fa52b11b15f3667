import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';
import {
  CLIENT_FORM_MESSAGES,
  clientFormErrors,
  ClientFormSchema,
  withoutFieldPrefix,
} from '../../../src/renderer/src/clients/client-form';

const valid = { nombre_completo: 'Laura Gómez', email: '', telefono: '', notas: '' };

function messages(values: Record<string, unknown>): Record<string, string> {
  const result = ClientFormSchema.safeParse({ ...valid, ...values });
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

function lookup(messagesOf: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messagesOf);
}

describe('client form', () => {
  it('words its own rules with i18n keys that exist in both languages', () => {
    expect(messages({ nombre_completo: '   ' })).toEqual({
      nombre_completo: CLIENT_FORM_MESSAGES.nameRequired,
    });
    expect(messages({ email: 'no-es-un-email' })).toEqual({ email: CLIENT_FORM_MESSAGES.emailInvalid });
    expect(messages({ email: ' laura@example.com ' })).toEqual({});
    expect(messages({ telefono: '9'.repeat(65) })).toEqual({ telefono: CLIENT_FORM_MESSAGES.phoneTooLong });
    expect(messages({ notas: 'x'.repeat(10_001) })).toEqual({ notas: CLIENT_FORM_MESSAGES.notesTooLong });
    for (const key of Object.values(CLIENT_FORM_MESSAGES)) {
      expect(typeof lookup(es, key)).toBe('string');
      expect(typeof lookup(en, key)).toBe('string');
    }
  });

  it('strips the API field prefixes from server messages', () => {
    expect(
      withoutFieldPrefix(
        'body.nombre_completo: nombre_completo: el nombre no puede estar vacío',
        'body.nombre_completo',
      ),
    ).toBe('El nombre no puede estar vacío');
    expect(withoutFieldPrefix('Datos no válidos: revisa', 'args.email')).toBe('Datos no válidos: revisa');
  });

  it("puts server field errors on the form's fields, with the form's own words for its own rules", () => {
    const errors = clientFormErrors([
      {
        field: 'args.nombre_completo',
        code: 'too_small',
        message: 'nombre_completo: el nombre no puede estar vacío',
      },
      { field: 'args.changes.email', code: 'custom', message: 'email: dominio bloqueado' },
      { field: 'args._id', code: 'duplicate', message: 'ese id ya está en uso' },
    ]);
    expect(errors.fields).toEqual({
      nombre_completo: CLIENT_FORM_MESSAGES.nameRequired,
      email: 'Dominio bloqueado',
    });
    expect(errors.other).toEqual(['Ese id ya está en uso']);
  });
});
