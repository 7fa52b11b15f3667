import { describe, expect, it } from 'vitest';
import { initialLanguage } from '../../../src/renderer/src/i18n/initial-language';

// The rule the README states: Spanish unless the coach chose English (whatever the browser's language).
describe('UI language at start', () => {
  it('is Spanish with no stored choice; English only when the coach chose it', () => {
    expect(initialLanguage(null)).toBe('es');
    expect(initialLanguage('es')).toBe('es');
    expect(initialLanguage('en')).toBe('en');
    expect(initialLanguage('fr')).toBe('es');
  });
});
