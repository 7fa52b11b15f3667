import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { es } from '../../../src/renderer/src/i18n/es';
import { API_ERROR_CODES } from '../../../src/shared/api';
import { IPC_ERROR_REASONS } from '../../../src/shared/ipc-contract';

/*
 * The server words its errors in Spanish; in the English UI each error is shown by its code's own
 * sentence (components/error-text.ts). Every code either door can answer needs that sentence, in
 * both languages, or an English coach would read Spanish.
 */
const CODES = [...new Set<string>([...API_ERROR_CODES, ...IPC_ERROR_REASONS])];

describe('a sentence for every error code', () => {
  it.each([
    ['en', en.errors.codes],
    ['es', es.errors.codes],
  ] as const)('%s has every code either door answers', (_lang, codes) => {
    const missing = CODES.filter((code) => !(code in codes));
    expect(missing).toEqual([]);
    for (const sentence of Object.values(codes)) expect(sentence.length).toBeGreaterThan(5);
  });

  it('the English sentences are English (no Spanish words a coach would trip on)', () => {
    for (const sentence of Object.values(en.errors.codes)) {
      expect(sentence).not.toMatch(/\b(el|la|los|las|que|del|está|puede|revisa)\b/i);
    }
  });
});
