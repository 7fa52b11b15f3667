/** Where the coach's language choice is remembered (this browser / this desktop app). */
export const LANGUAGE_KEY = 'edn360.language';

/**
 * Spanish-first product: Spanish unless the coach chose English (the header's selector or Ajustes,
 * remembered under LANGUAGE_KEY). The browser's or system's language is deliberately not read.
 */
export function initialLanguage(stored: string | null): 'es' | 'en' {
  return stored === 'en' ? 'en' : 'es';
}
