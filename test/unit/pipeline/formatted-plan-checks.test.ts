import { describe, expect, it } from 'vitest';
import type { E7Output } from '../../../src/shared/agent-outputs/training';
import { formattedPlanProblems } from '../../../src/main/pipeline/agents/training/formatted-plan-checks';

const sessions = [{ dia: 'lunes' }, { dia: 'miercoles' }, { dia: 'viernes' }];
const plan = (overrides: Partial<E7Output> = {}): E7Output => ({
  titulo: 'Tu plan de fuerza',
  introduccion: 'Entrenarás 3 días por semana, con descanso entre sesiones.',
  dias: sessions.map(({ dia }) => ({
    dia: dia as E7Output['dias'][number]['dia'],
    titulo: dia,
    texto: 'Calienta 10 min.',
  })),
  consejos: ['Descansa 2 días entre sesiones si lo necesitas.'],
  ...overrides,
});

describe('formattedPlanProblems (E7: what the client reads agrees with the sessions)', () => {
  it('accepts a plan whose days and announced count are the sessions’', () => {
    expect(formattedPlanProblems(plan(), sessions)).toEqual([]);
    expect(
      formattedPlanProblems(plan({ introduccion: 'You will train three days a week.' }), sessions),
    ).toEqual([]);
  });

  it('flags a day without a session, a missing session day and a wrong weekly count, in Spanish and English', () => {
    const extraDay = plan({
      dias: [...plan().dias, { dia: 'sabado', titulo: 'Sábado', texto: 'Cardio suave.' }],
    });
    expect(formattedPlanProblems(extraDay, sessions)).toEqual([expect.stringContaining('sabado')]);
    expect(formattedPlanProblems(plan({ dias: plan().dias.slice(0, 2) }), sessions)).toEqual([
      expect.stringContaining('viernes'),
    ]);
    for (const text of [
      'Entrenarás cinco días a la semana.',
      'Son 4 sesiones por semana.',
      'Train 5 days a week.',
      'Four sessions per week.',
    ]) {
      expect(formattedPlanProblems(plan({ introduccion: text }), sessions)).toEqual([
        expect.stringMatching(/el texto dice «.+»; los valores calculados son 3 (días|sesiones)/),
      ]);
    }
  });
});
