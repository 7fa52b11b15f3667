import { AGENT_NAMES } from '@shared/agent-names';
import { E1OutputSchema } from '@shared/agent-outputs/training';
import type { ClientSummary } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { answersFor, firstName } from '../select-helpers';

const ANSWER_KEYS = [
  'objetivo_fisico',
  'objetivo_principal',
  'plazo_semanas',
  'motivacion',
  'profesion',
  'actividad_laboral',
  'entrenado_gimnasio',
  'experiencia_entrenamiento',
  'practicado_deporte',
  'experiencia_negativa',
  'impedido_constancia',
  'lesiones',
  'lesiones_actuales',
  'lesiones_text',
  'problemas_musculares',
  'hernias_protusiones',
  'artrosis',
  'varo_valgo',
  'patologias',
  'medicacion',
  'medicamentos',
  'operaciones',
  'cirugias_recientes',
  'horas_sueno',
  'horas_duerme',
  'nivel_estres',
  'estres_profesion',
  'actividades_preferidas',
  'marcas_actuales',
] as const;

export const e1AthleteAnalyst = defineAgent({
  id: 'E1',
  name: AGENT_NAMES.E1,
  phase: 'training',
  field: 'client_summary',
  dependsOn: [],
  select: (inputs) => ({
    nombre: firstName(inputs.questionnaire),
    perfil: inputs.clientFacts,
    respuestas: answersFor(inputs.questionnaire, ANSWER_KEYS),
    plan_anterior: inputs.previousPlan
      ? {
          fecha: inputs.previousPlan.created_at.toISOString().slice(0, 10),
          resumen: (inputs.previousPlan.training.client_summary as { resumen?: string }).resumen ?? null,
          objetivo_mesociclo:
            (inputs.previousPlan.training.mesocycle as { progresion?: string }).progresion ?? null,
        }
      : null,
  }),
  outputSchema: E1OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Analista del atleta (E1)',
        rules: [
          'Resume quién es el cliente, qué quiere y qué le limita, para que el resto de agentes trabaje sin leer el cuestionario.',
          'Interpreta las respuestas de texto libre (lesiones, experiencia, horarios) sin inventar datos que no estén.',
          'Cada restricción con su zona, su estado (activa, crónica o recuperada) y qué evitar en el entrenamiento.',
          'Banderas: cualquier dato que el entrenador deba revisar (dolor, medicación, patologías, sueño muy bajo).',
          'Si hay plan anterior, describe en progreso_previo de qué bloque viene y qué debería progresar; si no, null.',
        ],
        data: input,
        task: 'Devuelve el resumen del cliente.',
      },
      language,
    ),
  finalize: (output, input): ClientSummary => ({ ...output, perfil: input.perfil }),
});
