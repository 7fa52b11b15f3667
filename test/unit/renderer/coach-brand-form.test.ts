import { describe, expect, it } from 'vitest';
import { SettingsPatchSchema } from '../../../src/shared/ipc-contract';
import {
  brandPatch,
  logoFileProblem,
  type CoachBrandForm,
} from '../../../src/renderer/src/settings/coach-brand-form';

const empty: CoachBrandForm = { coach_name: '', coach_contact: '', coach_logo: '' };
const logo = `data:image/png;base64,${Buffer.from('png').toString('base64')}`;

describe('Ajustes → the brand on the client PDF', () => {
  it('saves only what changed, trimmed; an emptied field goes back to unset', () => {
    expect(brandPatch(empty, empty)).toEqual({});
    const patch = brandPatch({ coach_name: '  Laura Gil ', coach_contact: '', coach_logo: logo }, empty);
    expect(patch).toEqual({ coach_name: 'Laura Gil', coach_logo: logo });
    // What main accepts: the patch passes the same schema the IPC handler checks.
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(true);
    expect(brandPatch(empty, { coach_name: 'Laura Gil', coach_contact: 'x@y.es', coach_logo: '' })).toEqual({
      coach_name: null,
      coach_contact: null,
    });
  });

  it('refuses a logo main would refuse: not PNG/JPEG, or over 300 KB', () => {
    expect(logoFileProblem({ type: 'image/png', size: 12_000 })).toBeNull();
    expect(logoFileProblem({ type: 'image/jpeg', size: 300 * 1024 })).toBeNull();
    expect(logoFileProblem({ type: 'image/svg+xml', size: 2_000 })).toBe('settings.brand.logoType');
    expect(logoFileProblem({ type: 'image/png', size: 300 * 1024 + 1 })).toBe('settings.brand.logoTooLarge');
    // And main's schema agrees on the type.
    expect(SettingsPatchSchema.safeParse({ coach_logo: 'data:image/svg+xml;base64,PHN2Zy8+' }).success).toBe(
      false,
    );
    const tooBig = `data:image/png;base64,${'A'.repeat(Math.ceil((300 * 1024 * 4) / 3) + 100)}`;
    expect(SettingsPatchSchema.safeParse({ coach_logo: tooBig }).success).toBe(false);
  });
});
