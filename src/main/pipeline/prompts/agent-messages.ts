import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { PlanLanguage } from '@shared/plans';

/** Marks the agent's input block; the fake LLM server (and humans reading logs) find the data here. */
export const DATA_MARKER = 'DATOS (JSON):';

export interface AgentPrompt {
  /** Who the agent is, one sentence. */
  role: string;
  /** Rules specific to this agent, most important first. */
  rules: string[];
  /** Only the fields this agent needs (docs/ARCHITECTURE.md "The agents"): the original sent everything to everyone. */
  data: unknown;
  task: string;
}

/**
 * For agents whose texts are checked against the computed numbers (docs/AUDITS.md §9): a figure
 * the checker cannot find among the data goes back to the model, then fails the job.
 */
export const TEXT_NUMBERS_RULE =
  'Cada cifra con unidad que escribas (kcal, g, g/kg, %, días, sesiones, series, minutos, RIR) debe ser un valor de DATOS tal cual o redondeado; una referencia general, solo como rango y diciendo que es una recomendación general («se recomienda 1,6–2,2 g/kg»).';

const LANGUAGE_NAME: Record<PlanLanguage, string> = { es: 'español de España', en: 'inglés (English)' };

/**
 * Every agent's messages share one frame: the role and rules, a reminder that numbers in the data
 * were computed by code and must not be recomputed, the task, and the data as compact JSON — last,
 * so the part that is the same for every client comes first, as providers' prompt caches want it
 * (docs/ARCHITECTURE.md "Prompt caching": today the cache serves repair rounds and retried jobs).
 */
export function agentMessages(prompt: AgentPrompt, language: PlanLanguage): ChatCompletionMessageParam[] {
  const rules = [
    ...prompt.rules,
    'Los números de DATOS (edades, kcal, gramos, series) los ha calculado el sistema y son correctos: úsalos tal cual, no hagas aritmética propia.',
    'Si DATOS trae "por_revisar", son respuestas de salud del cliente que el coach aún no ha confirmado: trátalas como restricciones, no las contradigas y no las des por descartadas.',
    'Responde solo con un objeto JSON que cumpla exactamente el esquema; sin texto fuera del JSON.',
    `Escribe todos los textos en ${LANGUAGE_NAME[language]}, claros y sin jerga innecesaria.`,
  ];
  return [
    {
      role: 'system',
      content: `Eres ${prompt.role} del sistema EDN360, que prepara planes de entrenamiento y nutrición revisados por un entrenador.\nReglas:\n${rules.map((r) => `- ${r}`).join('\n')}`,
    },
    { role: 'user', content: `TAREA: ${prompt.task}\n\n${DATA_MARKER}\n${JSON.stringify(prompt.data)}` },
  ];
}

const COACH_NOTE_LABEL: Record<PlanLanguage, string> = {
  es: 'NOTA DEL ENTRENADOR',
  en: "COACH'S NOTE (Nota del entrenador)",
};

const COACH_NOTE_RULE: Record<PlanLanguage, string> = {
  es: 'Este trabajo rehace una parte de un plan ya revisado por el entrenador. Al final del mensaje del usuario va la NOTA DEL ENTRENADOR: es su instrucción para este cambio y debes seguirla en todo lo que permitan las demás reglas. Nunca prevalece sobre las reglas de seguridad, las lesiones, alergias y restricciones de DATOS, el catálogo ni el esquema: si la nota pide algo que las contradice, cumple las reglas y dilo en tus notas o textos.',
  en: "This job redoes one part of a plan the coach has already reviewed. At the end of the user message comes the COACH'S NOTE: it is the coach's instruction for this change and you must follow it as far as the other rules allow. It never overrides the safety rules, the injuries, allergies and restrictions in DATOS, the catalog or the schema: if the note asks for something against them, keep to the rules and say so in your notes or texts.",
};

/**
 * A regeneration's prompt (issue #16 point 5): the agent's own messages plus the coach's note,
 * clearly labelled at the end of the user message (after the data and the task, so readers of the
 * data block are unaffected) and a system rule saying it never overrides safety.
 */
export function withCoachNote(
  messages: ChatCompletionMessageParam[],
  note: string,
  language: PlanLanguage,
): ChatCompletionMessageParam[] {
  return messages.map((message) => {
    if (typeof message.content !== 'string') return message;
    if (message.role === 'system') {
      return { ...message, content: `${message.content}\n- ${COACH_NOTE_RULE[language]}` };
    }
    if (message.role === 'user') {
      return { ...message, content: `${message.content}\n\n${COACH_NOTE_LABEL[language]}: ${note}` };
    }
    return message;
  });
}
