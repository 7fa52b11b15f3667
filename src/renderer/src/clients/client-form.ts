import { z } from 'zod';
import { UserSchema } from '@shared/user';

/*
 * The client form (create / edit): its own rules, worded by i18n keys so the coach reads them in the
 * UI language, and the server's field errors put back on the fields they name.
 */

/** i18n keys of the form's own messages (es.ts / en.ts, `clients.validation`). */
export const CLIENT_FORM_MESSAGES = {
  nameRequired: 'clients.validation.nameRequired',
  emailInvalid: 'clients.validation.emailInvalid',
  phoneTooLong: 'clients.validation.phoneTooLong',
  notesTooLong: 'clients.validation.notesTooLong',
} as const;
export type ClientFormMessageKey = (typeof CLIENT_FORM_MESSAGES)[keyof typeof CLIENT_FORM_MESSAGES];

const MESSAGE_KEYS = new Set<string>(Object.values(CLIENT_FORM_MESSAGES));

export function isClientFormMessageKey(message: string): message is ClientFormMessageKey {
  return MESSAGE_KEYS.has(message);
}

/** The server's email rule (`UserSchema.email`), so the form accepts exactly what the server does. */
const ServerEmail = UserSchema.shape.email.unwrap();

/** The form's shape: the shared user rules, with empty inputs as "" instead of null. */
export const ClientFormSchema = z.object({
  nombre_completo: z.string().trim().min(1, CLIENT_FORM_MESSAGES.nameRequired),
  email: z.string().refine((value) => value.trim() === '' || ServerEmail.safeParse(value.trim()).success, {
    message: CLIENT_FORM_MESSAGES.emailInvalid,
  }),
  telefono: z.string().max(64, CLIENT_FORM_MESSAGES.phoneTooLong),
  notas: z.string().max(10_000, CLIENT_FORM_MESSAGES.notesTooLong),
});
export type ClientForm = z.infer<typeof ClientFormSchema>;
export type ClientFormField = keyof ClientForm;

const FORM_FIELDS: readonly ClientFormField[] = ['nombre_completo', 'email', 'telefono', 'notas'];

/** A server rule that is one of the form's own: the form's message, in the UI language. */
function ownMessage(field: ClientFormField, code: string): ClientFormMessageKey | null {
  switch (field) {
    case 'nombre_completo':
      return code === 'too_small' || code === 'invalid_type' ? CLIENT_FORM_MESSAGES.nameRequired : null;
    case 'email':
      return code === 'invalid_format' || code === 'invalid_string'
        ? CLIENT_FORM_MESSAGES.emailInvalid
        : null;
    case 'telefono':
      return code === 'too_big' ? CLIENT_FORM_MESSAGES.phoneTooLong : null;
    case 'notas':
      return code === 'too_big' ? CLIENT_FORM_MESSAGES.notesTooLong : null;
  }
}

/**
 * A server message without the technical field prefixes it carries ("body.nombre_completo:
 * nombre_completo: el nombre no puede estar vacío" → "El nombre no puede estar vacío").
 */
export function withoutFieldPrefix(message: string, field: string): string {
  const segments = field.split('.').filter(Boolean);
  const prefixes = segments.map((_, i) => segments.slice(i).join('.'));
  let text = message.trim();
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const prefix of prefixes) {
      if (text.startsWith(`${prefix}:`)) {
        text = text.slice(prefix.length + 1).trimStart();
        stripped = true;
      }
    }
  }
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export interface ServerFieldError {
  field: string;
  code: string;
  message: string;
}

export interface ClientFormErrors {
  /** Per form field: an i18n key of the form's own message, or the server's words without prefix. */
  fields: Partial<Record<ClientFormField, string>>;
  /** Field errors about no field of the form (e.g. the id), readable. */
  other: string[];
}

/**
 * Server field errors (`body.email`, `args.nombre_completo`, `args.changes.notas`…) as errors of the
 * form's fields; the first error of each field wins.
 */
export function clientFormErrors(errors: readonly ServerFieldError[]): ClientFormErrors {
  const result: ClientFormErrors = { fields: {}, other: [] };
  for (const error of errors) {
    const last = error.field.split('.').pop() ?? '';
    const field = FORM_FIELDS.find((f) => f === last);
    const text = withoutFieldPrefix(error.message, error.field);
    if (!field) {
      result.other.push(text);
      continue;
    }
    result.fields[field] ??= ownMessage(field, error.code) ?? text;
  }
  return result;
}
