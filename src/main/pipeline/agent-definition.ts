import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ZodType } from 'zod';
import type { PlanLanguage, TrainingPlanDocument } from '@shared/plans';
import type { Bridge, ClientFacts, NutritionFacts } from '@shared/plan-content';
import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import { withCoachNote } from './prompts/agent-messages';

export const TRAINING_AGENT_IDS = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'] as const;
export const NUTRITION_AGENT_IDS = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export type TrainingAgentId = (typeof TRAINING_AGENT_IDS)[number];
export type NutritionAgentId = (typeof NUTRITION_AGENT_IDS)[number];
export type AgentId = TrainingAgentId | NutritionAgentId;

/** Everything an agent may draw its input from; each agent selects only what it needs. */
export interface PipelineInputs {
  questionnaire: NormalizedQuestionnaire;
  clientFacts: ClientFacts;
  nutritionFacts: NutritionFacts;
  previousPlan: TrainingPlanDocument | null;
  /** For nutrition-only jobs: the client's latest training plan's bridge, if any. */
  existingBridge: Bridge | null;
  /** Stored field values of finished agents (this run or checkpoints). */
  outputs: ReadonlyMap<AgentId, unknown>;
  language: PlanLanguage;
  /**
   * A regeneration's instruction from the coach (the note, and what to redo), added to the prompt
   * of every re-run agent that takes it (auditors do not). Absent on ordinary generation.
   */
  coachNote?: string | null;
}

/** What every agent declares: identity, place in the DAG, the input it selects. */
interface AgentBase<Input> {
  id: AgentId;
  name: { es: string; en: string };
  phase: 'training' | 'nutrition';
  /** The one `training.*` / `nutrition.*` field it fills. */
  field: string;
  /** The agents that must finish before it starts: those whose outputs only the LLM can give it. */
  dependsOn: readonly AgentId[];
  /**
   * The agents whose stored fields it reads, including numbers it would otherwise compute itself
   * (agents/nutrition/nutrition-numbers.ts): a regeneration re-runs it when one of them is re-run,
   * so a plan's fields never disagree. Default: `dependsOn`.
   */
  readsFrom?: readonly AgentId[];
  /** Nutrition agents that read the training load wait for E5 (the week's sessions) in a `full` job. */
  needsBridge?: boolean;
  select(inputs: PipelineInputs): Input;
}

/**
 * An agent that asks the LLM: the output schema it must meet, the prompt, and how its stored field
 * is built (LLM output + facts computed by code).
 */
export interface AgentDefinition<
  Input = unknown,
  Output = unknown,
  Field = unknown,
> extends AgentBase<Input> {
  outputSchema: ZodType<Output>;
  buildPrompt(input: Input, language: PlanLanguage): ChatCompletionMessageParam[];
  /** Extra validation the schema cannot express; problems go back to the model in the repair round. */
  validate?(output: Output, input: Input): string[];
  finalize(output: Output, input: Input): Field;
  /**
   * False for the auditors (E8, N8): a regeneration's coach note never reaches them, so the
   * review judges the plan by the rules alone. Default true.
   */
  takesCoachNote?: boolean;
}

/**
 * An agent whose whole field is a function of earlier outputs (issue #19: it makes no LLM call). It
 * is still a step of the job — checkpointed, counted in the progress, at no cost.
 */
export interface CodeAgentDefinition<Input = unknown, Field = unknown> extends AgentBase<Input> {
  compute(input: Input, language: PlanLanguage): Field;
}

/** A prepared LLM call for one agent: the only shape the orchestrator deals with. */
export interface PreparedCall {
  messages: ChatCompletionMessageParam[];
  schema: ZodType<unknown>;
  validate(output: unknown): string[];
  finalize(output: unknown): unknown;
}

/** An agent's step ready to run: an LLM call to make, or its field already written by code. */
export type PreparedStep = { kind: 'llm'; call: PreparedCall } | { kind: 'code'; field: unknown };

/** An agent with its input/output types closed over, so all 18 fit in one registry. */
export interface RunnableAgent {
  id: AgentId;
  name: { es: string; en: string };
  phase: 'training' | 'nutrition';
  field: string;
  dependsOn: readonly AgentId[];
  readsFrom: readonly AgentId[];
  needsBridge: boolean;
  /** False for an agent written by code: no LLM call, no model, no cost. */
  usesLlm: boolean;
  prepare(inputs: PipelineInputs): PreparedStep;
}

function runnableBase<Input>(agent: AgentBase<Input>) {
  return {
    id: agent.id,
    name: agent.name,
    phase: agent.phase,
    field: agent.field,
    dependsOn: agent.dependsOn,
    readsFrom: agent.readsFrom ?? agent.dependsOn,
    needsBridge: agent.needsBridge ?? false,
  };
}

export function defineAgent<Input, Output, Field>(
  agent: AgentDefinition<Input, Output, Field>,
): RunnableAgent {
  return {
    ...runnableBase(agent),
    usesLlm: true,
    prepare(inputs) {
      const input = agent.select(inputs);
      const messages = agent.buildPrompt(input, inputs.language);
      const note = agent.takesCoachNote === false ? null : (inputs.coachNote ?? null);
      return {
        kind: 'llm',
        call: {
          messages: note ? withCoachNote(messages, note, inputs.language) : messages,
          schema: agent.outputSchema,
          // Safe: the orchestrator only passes values that `outputSchema` has just parsed.
          validate: (output) => agent.validate?.(output as Output, input) ?? [],
          finalize: (output) => agent.finalize(output as Output, input),
        },
      };
    },
  };
}

export function defineCodeAgent<Input, Field>(agent: CodeAgentDefinition<Input, Field>): RunnableAgent {
  return {
    ...runnableBase(agent),
    usesLlm: false,
    prepare: (inputs) => ({ kind: 'code', field: agent.compute(agent.select(inputs), inputs.language) }),
  };
}
