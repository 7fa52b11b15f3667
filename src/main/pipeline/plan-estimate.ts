import type { JobType } from '@shared/job';
import type { PlanKind } from '@shared/plan-delivery';
import type { RegenerationScope } from '@shared/plan-regeneration';
import { estimatePlanCost, type PlanEstimate } from '@shared/pricing';
import type { AppConfig } from '../config/load-config';
import { CODE_AGENT_IDS } from '@shared/agent-names';
import { AGENTS } from './agents/registry';
import { regenerationAgents } from './regeneration';

/** The model an agent calls: its override from Ajustes (`agent_models`), else the general one. */
export function modelForAgent(llm: Pick<AppConfig['llm'], 'model' | 'agentModels'>, agentId: string): string {
  return llm.agentModels[agentId] ?? llm.model;
}

/** The cost estimate of a job of this type with the settings in force (models per agent, prices). */
export function estimateJobCost(
  type: JobType,
  llm: Pick<AppConfig['llm'], 'model' | 'agentModels' | 'prices'>,
): PlanEstimate {
  // Agents written by code cost nothing.
  const agents = AGENTS.filter((agent) => agent.usesLlm && (type === 'full' || agent.phase === type));
  return estimatePlanCost(
    agents.map((agent) => modelForAgent(llm, agent.id)),
    llm.prices,
  );
}

/** The cost estimate of regenerating part of a plan: only the agents it re-runs. */
export function estimateRegenerationCost(
  kind: PlanKind,
  scope: RegenerationScope,
  llm: Pick<AppConfig['llm'], 'model' | 'agentModels' | 'prices'>,
): PlanEstimate {
  return estimatePlanCost(
    regenerationAgents(kind, scope)
      .filter((id) => !CODE_AGENT_IDS.includes(id))
      .map((id) => modelForAgent(llm, id)),
    llm.prices,
  );
}
