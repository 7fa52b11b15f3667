import type { User } from '@shared/user';

/*
 * The client's name, email and phone in a questionnaire. They come from the client record (the
 * phone, when the record has none, from the client's latest questionnaire) and an imported file
 * may only replace them if the coach says so.
 */

export const CONTACT_FIELDS = ['nombre_completo', 'email', 'telefono'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ClientContact = Record<ContactField, string>;

type Answers = Record<string, unknown>;

/** What is read of a stored questionnaire here. */
interface StoredAnswers {
  responses: Answers;
  submitted_at: Date;
}

/** A contact answer as text: the original system stored some phones as numbers. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The newest submission (the list is newest first, but its order is not relied upon). */
function latest(submissions: readonly StoredAnswers[]): StoredAnswers | undefined {
  return [...submissions].sort((a, b) => b.submitted_at.getTime() - a.submitted_at.getTime())[0];
}

/** The client's contact answers: the record's, and the latest questionnaire's phone when the record has none. */
export function clientContact(
  user: Pick<User, 'nombre_completo' | 'email' | 'telefono'>,
  submissions: readonly StoredAnswers[],
): ClientContact {
  return {
    nombre_completo: user.nombre_completo.trim(),
    email: textOf(user.email),
    telefono: textOf(user.telefono) || textOf(latest(submissions)?.responses['telefono']),
  };
}

/** `answers` with each contact answer it lacks taken from the client (nothing it has is replaced). */
export function withContact(answers: Answers, contact: ClientContact): Answers {
  const out: Answers = { ...answers };
  for (const field of CONTACT_FIELDS) {
    if (textOf(out[field]) === '' && contact[field] !== '') out[field] = contact[field];
  }
  return out;
}

export interface ContactChange {
  field: ContactField;
  /** What the client record (or the form) says. */
  client: string;
  /** What the imported file says. */
  file: string;
}

/** Same contact, written differently: spacing, and the case of an email address. */
function sameContact(field: ContactField, a: string, b: string): boolean {
  const norm = (value: string) => {
    const spaced = value.trim().replace(/\s+/g, ' ');
    return field === 'email' ? spaced.toLowerCase() : spaced;
  };
  return norm(a) === norm(b);
}

/** Where an imported file's contact answers differ from the client's (both must be given to differ). */
export function contactChanges(imported: Answers, contact: ClientContact): ContactChange[] {
  return CONTACT_FIELDS.flatMap((field) => {
    const file = textOf(imported[field]);
    const client = contact[field];
    return file !== '' && client !== '' && !sameContact(field, file, client) ? [{ field, client, file }] : [];
  });
}

/**
 * The answers an import puts in the form: the file's, with the client's contact where the file has
 * none, and — unless the coach chose the file's — where the file's differs.
 */
export function importedAnswers(imported: Answers, contact: ClientContact, keep: 'client' | 'file'): Answers {
  const out = withContact(imported, contact);
  if (keep === 'client')
    for (const { field, client } of contactChanges(imported, contact)) out[field] = client;
  return out;
}
