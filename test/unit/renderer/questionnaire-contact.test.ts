import { describe, expect, it } from 'vitest';
import {
  clientContact,
  contactChanges,
  importedAnswers,
  withContact,
} from '../../../src/renderer/src/questionnaire/client-contact';

const user = { nombre_completo: 'Laura Gómez Ruiz', email: 'laura@example.com', telefono: '600 111 222' };
const older = { responses: { telefono: '611000000' }, submitted_at: new Date('2025-01-01T00:00:00Z') };
const newer = { responses: { telefono: 699123456 }, submitted_at: new Date('2025-05-01T00:00:00Z') };

describe("the client's contact answers in a questionnaire", () => {
  it("take the phone from the client record, or else from the client's latest questionnaire", () => {
    expect(clientContact(user, [older, newer])).toEqual({
      nombre_completo: 'Laura Gómez Ruiz',
      email: 'laura@example.com',
      telefono: '600 111 222',
    });
    const noPhone = { ...user, telefono: null, email: null };
    // Whatever order the list comes in; a phone stored as a number is read as text.
    expect(clientContact(noPhone, [older, newer])).toEqual({
      nombre_completo: 'Laura Gómez Ruiz',
      email: '',
      telefono: '699123456',
    });
    expect(clientContact(noPhone, []).telefono).toBe('');
  });

  it('fill only what the answers lack', () => {
    const contact = clientContact(user, []);
    expect(withContact({}, contact)).toEqual(contact);
    expect(withContact({ telefono: ' ', peso: 62 }, contact)).toEqual({ ...contact, peso: 62 });
    expect(withContact({ telefono: '600999999' }, contact)['telefono']).toBe('600999999');
    expect(withContact({}, { ...contact, email: '' })).not.toHaveProperty('email');
  });
});

describe('importing a file never replaces the client’s contact unseen', () => {
  const contact = clientContact(user, []);

  it('lists what differs, ignoring spacing and the case of an email', () => {
    expect(
      contactChanges(
        { nombre_completo: ' Laura  Gómez Ruiz ', email: 'LAURA@example.com', telefono: '600 111 222' },
        contact,
      ),
    ).toEqual([]);
    expect(
      contactChanges({ nombre_completo: 'Pedro Pérez', email: 'pedro@example.com', peso: 80 }, contact),
    ).toEqual([
      { field: 'nombre_completo', client: 'Laura Gómez Ruiz', file: 'Pedro Pérez' },
      { field: 'email', client: 'laura@example.com', file: 'pedro@example.com' },
    ]);
    // Nothing to lose where one side is empty.
    expect(contactChanges({ email: 'otra@example.com' }, { ...contact, email: '' })).toEqual([]);
  });

  it("keeps the client's by default, and the file's only when the coach chose them", () => {
    const file = { nombre_completo: 'Pedro Pérez', email: 'pedro@example.com', peso: 80, extra: 'x' };
    expect(importedAnswers(file, contact, 'client')).toEqual({ ...file, ...contact });
    expect(importedAnswers(file, contact, 'file')).toEqual({ ...file, telefono: '600 111 222' });
    // A file without contact answers keeps the client's (it used to blank them).
    expect(importedAnswers({ peso: 80 }, contact, 'client')).toEqual({ peso: 80, ...contact });
  });
});
