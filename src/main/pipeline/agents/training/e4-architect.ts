import { AGENT_NAMES } from '@shared/agent-names';
import { E4OutputSchema, type E2Output, type E3Output, type E4Output } from '@shared/agent-outputs/training';
import type { ClientSummary } from '@shared/plan-content';
import { MUSCLES } from '@shared/exercise';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { mesocycleFigures, mesocycleTexts, textNumberProblems } from '../../audits';
import { outputOf } from '../select-helpers';

/** Checks the schema cannot express: week numbering, the deload, known muscle names. */
export function mesocycleProblems(output: E4Output): string[] {
  const problems: string[] = [];
  if (output.semanas.length !== output.duracion_semanas) {
    problems.push(
      `semanas tiene ${output.semanas.length} elementos pero duracion_semanas es ${output.duracion_semanas}`,
    );
  }
  output.semanas.forEach((week, i) => {
    if (week.semana !== i + 1) problems.push(`semanas[${i}].semana debería ser ${i + 1}`);
  });
  const deloads = output.semanas.filter((w) => w.fase === 'descarga');
  if (output.duracion_semanas >= 5 && deloads.length === 0) {
    problems.push('un mesociclo de 5 semanas o más necesita una semana de descarga');
  }
  const loadWeeks = output.semanas.filter((w) => w.fase !== 'descarga');
  for (const deload of deloads) {
    const maxVolume = Math.max(...loadWeeks.map((w) => w.factor_volumen), 0);
    if (deload.factor_volumen >= maxVolume)
      problems.push(`la semana ${deload.semana} de descarga no reduce el volumen`);
  }
  const known = new Set<string>(MUSCLES);
  for (const target of output.series_semanales_objetivo) {
    if (!known.has(target.musculo))
      problems.push(`músculo desconocido "${target.musculo}"; usa uno de: ${MUSCLES.join(', ')}`);
  }
  return problems;
}

export const e4Architect = defineAgent({
  id: 'E4',
  name: AGENT_NAMES.E4,
  phase: 'training',
  field: 'mesocycle',
  dependsOn: ['E1', 'E2', 'E3'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    const previous = inputs.previousPlan?.training.mesocycle as Partial<E4Output> | undefined;
    return {
      objetivo: summary.objetivo_interpretado,
      nivel: summary.perfil.nivel_experiencia,
      capacidad: outputOf<E2Output>(inputs, 'E2'),
      adaptacion: outputOf<E3Output>(inputs, 'E3'),
      musculos_validos: MUSCLES,
      mesociclo_anterior: previous
        ? {
            duracion_semanas: previous.duracion_semanas,
            series_semanales_objetivo: previous.series_semanales_objetivo,
            progresion: previous.progresion,
          }
        : null,
    };
  },
  outputSchema: E4OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Arquitecto del mesociclo (E4)',
        rules: [
          'Diseña 4–8 semanas: fases, RIR objetivo por semana, factor de volumen (1 = volumen base) y cambio de carga semanal.',
          'Series semanales objetivo por músculo (conteo fraccional: indirectas = 0,5): 10–20 para hipertrofia; principiantes en la parte baja.',
          'Nunca más de 20 series para principiantes ni 25 para intermedios; nada por encima de 30.',
          'Incluye una descarga cada 4–6 semanas (máximo 8): menos series, más RIR, misma frecuencia y ejercicios.',
          'Subidas de carga semanales de 2–5 % (≤ 10 %, ≤ 5 % en avanzados).',
          'Si hay mesociclo anterior, el nuevo bloque progresa desde él (más volumen o intensidad donde toque), no lo repite.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve el mesociclo.',
      },
      language,
    ),
  validate: (output, input) => [
    ...mesocycleProblems(output),
    // Its texts state its own numbers: sets, load steps, RIR (and changes from the previous block).
    ...textNumberProblems(
      mesocycleTexts(output),
      mesocycleFigures(output, input.mesociclo_anterior?.series_semanales_objetivo ?? []),
    ),
  ],
  finalize: (output) => output,
});
