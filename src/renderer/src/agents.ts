/**
 * Human names of the 18 agents (DESIGN §7), copied from `src/main/pipeline/agents/*` `name` fields:
 * the renderer never imports main-process code.
 */
export const AGENT_NAMES: Record<string, { es: string; en: string }> = {
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
};

export function agentName(id: string | null | undefined, lang: string): string | null {
  if (!id) return null;
  const names = AGENT_NAMES[id];
  if (!names) return id;
  return `${id} · ${lang.startsWith('en') ? names.en : names.es}`;
}
