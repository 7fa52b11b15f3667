import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/shared/agent-outputs/training';
import { getCatalog } from '../../../src/main/pipeline/catalog';
import {
  applySubstitutions,
  swapProblems,
} from '../../../src/main/pipeline/agents/training/e6-clinical-technician';

const byPattern = (patron: string) =>
  getCatalog()
    .exercises.filter((e) => e.patron === patron)
    .map((e) => e.id);
const [squatA, squatB, squatC] = byPattern('sentadilla');
const [pullA] = byPattern('traccion_vertical');

const row = (ejercicio_id: string, series = 4) => ({
  ejercicio_id,
  series,
  reps_min: 5,
  reps_max: 8,
  rir: 2,
  rpe: null,
  descanso_seg: 150,
  tempo: null,
  notas: null,
});
const week: Session[] = [
  { dia: 'lunes', nombre: 'A', duracion_min: 60, ejercicios: [row(squatA!), row(squatB!, 3)] },
  { dia: 'jueves', nombre: 'B', duracion_min: 50, ejercicios: [row(squatA!, 5)] },
];
const swap = (original_id: string, nuevo_id: string) => ({ original_id, nuevo_id, motivo: 'rodilla' });

describe('E6’s swaps, applied by code to E5’s week', () => {
  it('a swap replaces the exercise on every day and keeps E5’s sets, reps, effort, days and minutes', () => {
    const safe = applySubstitutions(week, [swap(squatA!, squatC!)]);
    expect(
      safe.map((s) => [s.dia, s.duracion_min, s.ejercicios.map((e) => `${e.ejercicio_id}×${e.series}`)]),
    ).toEqual([
      ['lunes', 60, [`${squatC}×4`, `${squatB}×3`]],
      ['jueves', 50, [`${squatC}×5`]],
    ]);
    expect(swapProblems([swap(squatA!, squatC!)], week)).toEqual([]);
  });

  it('refuses a swap of nothing, to itself, to another pattern, to an exercise the session has, or twice', () => {
    expect(swapProblems([swap('no_esta', squatC!)], week)[0]).toMatch(/no_esta no está en la semana/);
    expect(swapProblems([swap(squatA!, squatA!)], week)[0]).toMatch(/es el mismo ejercicio/);
    expect(swapProblems([swap(squatA!, pullA!)], week)[0]).toMatch(/es de otro patrón/);
    expect(swapProblems([swap(squatA!, squatB!)], week)).toEqual([
      expect.stringMatching(new RegExp(`${squatB} ya está en la sesión del lunes`)),
    ]);
    expect(swapProblems([swap(squatA!, squatC!), swap(squatA!, squatB!)], week)).toEqual([
      expect.stringMatching(/tiene más de una sustitución/),
    ]);
    // A chain would bring back what E6 takes out; two of a session swapped for one would repeat it.
    expect(swapProblems([swap(squatA!, squatB!), swap(squatB!, squatC!)], week)[0]).toMatch(
      new RegExp(`${squatB} también se sustituye`),
    );
    expect(swapProblems([swap(squatA!, squatC!), swap(squatB!, squatC!)], week)).toEqual([
      expect.stringMatching(new RegExp(`${squatB} también pasa a ${squatC} en la sesión del lunes`)),
    ]);
  });
});
