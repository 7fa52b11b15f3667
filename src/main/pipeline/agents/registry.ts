import type { RunnableAgent } from '../agent-definition';
import { e1AthleteAnalyst } from './training/e1-athlete-analyst';
import { e2Capacity } from './training/e2-capacity';
import { e3Adaptation } from './training/e3-adaptation';
import { e4Architect } from './training/e4-architect';
import { e5MicrocycleEngineer } from './training/e5-microcycle-engineer';
import { e6ClinicalTechnician } from './training/e6-clinical-technician';
import { e7Visualizer } from './training/e7-visualizer';
import { e8TechnicalAuditor } from './training/e8-technical-auditor';
import { e9NutritionBridge } from './training/e9-nutrition-bridge';
import { n0Triage } from './nutrition/n0-triage';
import { n1MetabolicAnalyst } from './nutrition/n1-metabolic-analyst';
import { n2EnergySelector } from './nutrition/n2-energy-selector';
import { n3MacroDesign } from './nutrition/n3-macro-design';
import { n4WeeklySync } from './nutrition/n4-weekly-sync';
import { n5Timing } from './nutrition/n5-timing';
import { n6Menus } from './nutrition/n6-menus';
import { n7AdherenceCoach } from './nutrition/n7-adherence-coach';
import { n8Watchdog } from './nutrition/n8-watchdog';

/** All 18 agents (docs/ARCHITECTURE.md "The agents"), training then nutrition, each in pipeline order. */
export const AGENTS: readonly RunnableAgent[] = [
  e1AthleteAnalyst,
  e2Capacity,
  e3Adaptation,
  e4Architect,
  e5MicrocycleEngineer,
  e6ClinicalTechnician,
  e7Visualizer,
  e8TechnicalAuditor,
  e9NutritionBridge,
  n0Triage,
  n1MetabolicAnalyst,
  n2EnergySelector,
  n3MacroDesign,
  n4WeeklySync,
  n5Timing,
  n6Menus,
  n7AdherenceCoach,
  n8Watchdog,
];

export function agentById(id: string): RunnableAgent | undefined {
  return AGENTS.find((agent) => agent.id === id);
}
