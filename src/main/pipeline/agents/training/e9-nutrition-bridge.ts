import { AGENT_NAMES } from '@shared/agent-names';
import { dictionary, weekdayName, WEEKDAYS } from '@shared/client-plan/i18n';
import type { E4Output } from '@shared/agent-outputs/training';
import type { Bridge, ClientSummary, SessionsField } from '@shared/plan-content';
import type { PlanLanguage } from '@shared/plans';
import { defineCodeAgent } from '../../agent-definition';
import { outputOf } from '../select-helpers';
import { bridgeFromSessions } from '../../facts/bridge';

type Load = Omit<Bridge, 'notas_para_nutricion'>;
type Objective = ClientSummary['objetivo_interpretado'];

/**
 * E9, the bridge to nutrition: the week's training load (days, minutes, day types — computed from
 * E6's sessions) and notes for the nutritionist. Both are fixed functions of earlier outputs, so it
 * is written by code: no LLM call (issue #19 point 2). The notes name only figures of the load, as
 * the text checks require (docs/AUDITS.md §9).
 */
export const e9NutritionBridge = defineCodeAgent({
  id: 'E9',
  name: AGENT_NAMES.E9,
  phase: 'training',
  field: 'bridge_for_nutrition',
  dependsOn: ['E6', 'E4', 'E1'],
  select: (inputs) => ({
    carga: bridgeFromSessions(outputOf<SessionsField>(inputs, 'E6')),
    objetivo: outputOf<ClientSummary>(inputs, 'E1').objetivo_interpretado,
    descarga: outputOf<E4Output>(inputs, 'E4').semanas.some((w) => w.fase === 'descarga'),
  }),
  compute: (input, language): Bridge => ({
    ...input.carga,
    notas_para_nutricion: bridgeNotes(input.carga, input.objetivo, input.descarga, language),
  }),
});

const TEXTS: Record<
  PlanLanguage,
  {
    none: string;
    load: (sessions: number, minutes: number) => string;
    high: string;
    medium: string;
    low: string;
    carbs: string;
    deload: string;
    objective: string;
  }
> = {
  es: {
    none: 'ninguno',
    load: (s, m) => `Carga de la semana: ${s} sesiones, ${m} minutos en total.`,
    high: 'Días altos (sesiones largas)',
    medium: 'Días medios',
    low: 'Días bajos y de descanso',
    carbs:
      'Pon más carbohidrato en los días altos, sobre todo en las comidas de antes y de después de entrenar; en los días bajos, menos carbohidrato y la misma proteína.',
    deload:
      'El mesociclo tiene semanas de descarga: esas semanas, acerca el carbohidrato de los días de entrenamiento al de un día medio.',
    objective: 'Objetivo del entrenamiento',
  },
  en: {
    none: 'none',
    load: (s, m) => `Weekly load: ${s} sessions, ${m} minutes in total.`,
    high: 'High days (long sessions)',
    medium: 'Medium days',
    low: 'Low and rest days',
    carbs:
      'Put more carbohydrate on high days, above all in the meals before and after training; on low days, less carbohydrate and the same protein.',
    deload:
      'The mesocycle has deload weeks: in those weeks, bring the carbohydrate of training days close to a medium day’s.',
    objective: 'Training goal',
  },
};

export function bridgeNotes(
  load: Load,
  objective: Objective,
  deload: boolean,
  language: PlanLanguage,
): string {
  const t = TEXTS[language];
  const days = (type: 'alto' | 'medio' | 'bajo'): string =>
    load.semana
      .filter((d) => d.tipo_dia === type)
      .map((d) => dayName(d.dia, language))
      .join(', ') || t.none;
  return [
    t.load(load.sesiones_semana, load.minutos_semana),
    `${t.high}: ${days('alto')}. ${t.medium}: ${days('medio')}. ${t.low}: ${days('bajo')}.`,
    t.carbs,
    ...(deload ? [t.deload] : []),
    `${t.objective}: ${objective.replaceAll('_', ' ')}.`,
  ].join(' ');
}

/** The day as the notes' reader says it ("miercoles" → "Miércoles" / "Wednesday"). */
function dayName(dia: string, language: PlanLanguage): string {
  const index = WEEKDAYS.indexOf(dia as (typeof WEEKDAYS)[number]);
  return index >= 0 ? weekdayName(dictionary(language), index) : dia;
}
