import { describe, expect, it } from 'vitest';
import { MUSCLE_VALUES } from '@shared/exercise';
import {
  UnknownExerciseError,
  frequencyPerMuscle,
  parseCatalog,
  pushPullRatio,
  weeklySetsPerMuscle,
} from '../../../src/main/pipeline/catalog';

const session = (...items: [string, number][]) => ({
  ejercicios: items.map(([ejercicio_id, series]) => ({ ejercicio_id, series })),
});

describe('weeklySetsPerMuscle (fractional counting, docs/DOMAIN.md "Training volume, frequency and effort" [VOL4])', () => {
  it('counts primary muscles 1 and secondary muscles 0.5 per set', () => {
    // press_banca_barra: pecho | triceps, hombro_anterior. remo_polea_baja: dorsal, trapecio | hombro_posterior, biceps.
    const sets = weeklySetsPerMuscle([session(['press_banca_barra', 4], ['remo_polea_baja', 3])]);
    expect(sets.pecho).toBe(4);
    expect(sets.triceps).toBe(2);
    expect(sets.hombro_anterior).toBe(2);
    expect(sets.dorsal).toBe(3);
    expect(sets.trapecio).toBe(3);
    expect(sets.biceps).toBe(1.5);
    expect(sets.hombro_posterior).toBe(1.5);
    expect(sets.cuadriceps).toBe(0);
    expect(Object.keys(sets).sort()).toEqual([...MUSCLE_VALUES].sort());
  });

  it('sums over sessions and ignores cardio and mobility', () => {
    const sets = weeklySetsPerMuscle([
      session(['press_banca_barra', 3], ['bicicleta_estatica', 1]),
      session(['press_banca_barra', 3], ['gato_camello', 2]),
    ]);
    expect(sets.pecho).toBe(6);
    expect(Object.values(sets).reduce((a, b) => a + b, 0)).toBe(6 + 3 + 3);
  });

  it('reproduces the 35-chest-set case the original auditor missed', () => {
    const heavyChest = session(
      ['press_banca_barra', 5],
      ['press_inclinado_mancuernas', 5],
      ['aperturas_polea', 5],
      ['flexiones', 3],
    );
    const sets = weeklySetsPerMuscle([heavyChest, heavyChest]);
    expect(sets.pecho).toBe(36);
  });

  it('throws a typed error listing every unknown id', () => {
    let error: unknown;
    try {
      weeklySetsPerMuscle([
        session(['press_banca_barra', 3], ['press_inventado', 3]),
        session(['curl_magico', 2], ['press_inventado', 1]),
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownExerciseError);
    expect((error as UnknownExerciseError).ids).toEqual(['press_inventado', 'curl_magico']);
    expect((error as Error).message).toContain('press_inventado, curl_magico');
  });

  it('rejects negative or non-finite set counts', () => {
    expect(() => weeklySetsPerMuscle([session(['press_banca_barra', -1])])).toThrow(RangeError);
    expect(() => weeklySetsPerMuscle([session(['press_banca_barra', Number.NaN])])).toThrow(RangeError);
  });

  it('uses an explicitly passed catalog', () => {
    const catalog = parseCatalog(
      [
        {
          id: 'x_press',
          nombre: 'Press X',
          name_en: 'X press',
          patron: 'empuje_horizontal',
          tipo: 'compuesto',
          musculos_primarios: ['pecho'],
          musculos_secundarios: [],
          material: [],
          nivel: 'principiante',
          contraindicaciones: [],
          unilateral: false,
          empuje_traccion: 'empuje',
          tecnica: { es: 'Empuja en línea recta.', en: 'Press in a straight line.' },
        },
      ],
      'mem',
    );
    expect(weeklySetsPerMuscle([session(['x_press', 2])], catalog).pecho).toBe(2);
    expect(() => weeklySetsPerMuscle([session(['press_banca_barra', 2])], catalog)).toThrow(
      UnknownExerciseError,
    );
  });
});

describe('frequencyPerMuscle', () => {
  it('counts the days a muscle is a primary mover, once per session', () => {
    const freq = frequencyPerMuscle([
      session(['press_banca_barra', 3], ['press_inclinado_mancuernas', 3]),
      session(['sentadilla_trasera_barra', 3]),
      session(['flexiones', 3], ['curl_barra', 0]),
    ]);
    expect(freq.pecho).toBe(2);
    expect(freq.cuadriceps).toBe(1);
    expect(freq.triceps).toBe(0); // only ever secondary
    expect(freq.biceps).toBe(0); // zero sets do not count
  });

  it('throws on unknown ids', () => {
    expect(() => frequencyPerMuscle([session(['nope', 1])])).toThrow(UnknownExerciseError);
  });
});

describe('pushPullRatio', () => {
  it('divides upper-body push sets by pull sets, isolation included, legs excluded', () => {
    const balance = pushPullRatio([
      session(['press_banca_barra', 4], ['press_militar_barra', 3], ['extension_triceps_polea', 3]),
      session(
        ['remo_polea_baja', 4],
        ['jalon_pecho_polea', 3],
        ['curl_barra', 3],
        ['sentadilla_trasera_barra', 5],
      ),
    ]);
    expect(balance).toEqual({ empuje: 10, traccion: 10, ratio: 1 });
  });

  it('returns a null ratio when nothing pulls', () => {
    expect(pushPullRatio([session(['press_banca_barra', 4])])).toEqual({
      empuje: 4,
      traccion: 0,
      ratio: null,
    });
    expect(pushPullRatio([])).toEqual({ empuje: 0, traccion: 0, ratio: null });
  });

  it('throws on unknown ids', () => {
    expect(() => pushPullRatio([session(['nope', 1])])).toThrow(UnknownExerciseError);
  });
});
