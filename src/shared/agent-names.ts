/**
 * Human names of the 18 agents (docs/ARCHITECTURE.md "The agents"), in Spanish and English: the pipeline's agent
 * definitions and the UI (progress modal, metrics, models per agent) read them from here.
 */
export const AGENT_NAMES = {
  E1: { es: 'Analista del atleta', en: 'Athlete analyst' },
  E2: { es: 'Capacidad y riesgo', en: 'Capacity and risk' },
  E3: { es: 'Historial y adaptación', en: 'History and adaptation' },
  E4: { es: 'Arquitecto del mesociclo', en: 'Mesocycle architect' },
  E5: { es: 'Ingeniero de microciclos', en: 'Microcycle engineer' },
  E6: { es: 'Técnico clínico', en: 'Clinical technician' },
  E7: { es: 'Visualizador', en: 'Plan writer' },
  E8: { es: 'Auditor técnico', en: 'Technical auditor' },
  E9: { es: 'Puente a nutrición', en: 'Bridge to nutrition' },
  N0: { es: 'Triaje', en: 'Triage' },
  N1: { es: 'Analista metabólico', en: 'Metabolic analyst' },
  N2: { es: 'Selector energético', en: 'Energy selector' },
  N3: { es: 'Diseño de macros', en: 'Macro design' },
  N4: { es: 'Sincronizador A/M/B', en: 'High/medium/low day planner' },
  N5: { es: 'Reparto y timing', en: 'Meal timing' },
  N6: { es: 'Menús', en: 'Menus' },
  N7: { es: 'Coach de adherencia', en: 'Adherence coach' },
  N8: { es: 'Watchdog nutricional', en: 'Nutrition watchdog' },
} as const satisfies Record<string, { es: string; en: string }>;

export type AgentId = keyof typeof AGENT_NAMES;

/** Agents written by code (no LLM call): no model to choose, no tokens, no cost (issue #19). */
export const CODE_AGENT_IDS: readonly AgentId[] = ['E9'];
