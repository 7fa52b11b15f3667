import { describe, expect, it } from 'vitest';
import type { PrescribedExercise, Session } from '../../../src/shared/agent-outputs/training';
import { planSessions } from '../../../src/renderer/src/plan/plan-sessions';

function exercise(id: string): PrescribedExercise {
  return {
    ejercicio_id: id,
    series: 3,
    reps_min: 8,
    reps_max: 10,
    rir: 2,
    rpe: null,
    descanso_seg: 90,
    tempo: null,
    notas: null,
  };
}

function session(dia: Session['dia'], nombre: string, ...ids: string[]): Session {
  return { dia, nombre, duracion_min: 60, ejercicios: ids.map(exercise) };
}

describe('sessions in the coach plan view', () => {
  it('titles two different sessions that share a label as variants A1 and A2', () => {
    const listed = planSessions([
      session('lunes', 'Sesión A', 'sentadilla_trasera_barra', 'press_banca_barra'),
      session('miercoles', 'Sesión B', 'peso_muerto_rumano'),
      session('viernes', 'Sesión A', 'prensa_piernas', 'remo_barra'),
    ]);
    expect(listed.map((s) => [s.title, s.days])).toEqual([
      ['Sesión A1', ['lunes']],
      ['Sesión B', ['miercoles']],
      ['Sesión A2', ['viernes']],
    ]);
    expect(listed[2]?.session.ejercicios[0]?.ejercicio_id).toBe('prensa_piernas');
  });

  it('lists a session repeated with the same exercises once, with both days, in weekday order', () => {
    const listed = planSessions([
      session('jueves', 'Pierna', 'sentadilla_trasera_barra'),
      session('lunes', 'Pierna', 'sentadilla_trasera_barra'),
      session('martes', 'Torso', 'press_banca_barra'),
    ]);
    expect(listed.map((s) => [s.title, s.days])).toEqual([
      ['Pierna', ['lunes', 'jueves']],
      ['Torso', ['martes']],
    ]);
  });

  it('numbers label variants without a trailing letter with a space ("Pierna 1", "Pierna 2")', () => {
    const listed = planSessions([
      session('lunes', 'Pierna', 'sentadilla_trasera_barra'),
      session('jueves', 'Pierna', 'prensa_piernas'),
    ]);
    expect(listed.map((s) => s.title)).toEqual(['Pierna 1', 'Pierna 2']);
  });
});
