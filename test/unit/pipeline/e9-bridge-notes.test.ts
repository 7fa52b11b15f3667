import { describe, expect, it } from 'vitest';
import { bridgeNotes } from '../../../src/main/pipeline/agents/training/e9-nutrition-bridge';
import { bridgeFromSessions } from '../../../src/main/pipeline/facts/bridge';

const session = (dia: string, duracion_min: number) => ({ dia, duracion_min }) as never;
const load = bridgeFromSessions({ sesiones: [session('lunes', 75), session('miercoles', 45)] });

describe('E9’s notes for the nutritionist (written by code)', () => {
  it('name the days in the plan’s language, with the load’s own figures', () => {
    const en = bridgeNotes(load, 'ganar_musculo', true, 'en');
    expect(en).toMatch(/^Weekly load: 2 sessions, 120 minutes in total\./);
    expect(en).toContain('Wednesday');
    expect(en).not.toMatch(/miercoles|lunes/);
    expect(en).toContain('deload');
    const es = bridgeNotes(load, 'ganar_musculo', false, 'es');
    expect(es).toContain('Miércoles');
    expect(es).toContain('Lunes');
    expect(es).not.toContain('descarga');
  });
});
