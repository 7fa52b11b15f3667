import { z } from 'zod';
import type { FieldError } from './field-error';
import { OVERRIDE_DOORS, PLAN_KINDS, type PlanKind } from './plan-delivery';
import { VERSION_NOTE_MAX, VersionNumberSchema } from './plan-versions';
import { NUTRITION_AGENT_FIELDS, TRAINING_AGENT_FIELDS } from './plans';

/*
 * "Regenerate a part with a note" (issue #16 point 5): the coach asks to redo part of a plan's
 * CURRENT version — from one agent on, one training session, or the nutrition menus — with a short
 * instruction ("sin lácteos por la mañana", "más trabajo de glúteo"). It runs as a normal
 * generation job that re-runs only the affected agents (the upstream ones keep the current
 * version's content, coach edits included) and saves the result as a new version of the same plan.
 *
 * Scopes:
 *   - `from_agent`: that agent of the plan's chain (E1–E9 / N0–N8) and every agent after it;
 *   - `session` (training only): the session at that 0-based index of the week the plan shows
 *     (src/shared/plan-edits/training-week.ts); the agent that designs sessions and those after it
 *     re-run, and every OTHER session of the current version is kept as it is;
 *   - `menus` (nutrition only): the menu agent (N6) and those after it.
 */

export const TRAINING_CHAIN = Object.keys(TRAINING_AGENT_FIELDS) as Array<keyof typeof TRAINING_AGENT_FIELDS>;
export const NUTRITION_CHAIN = Object.keys(NUTRITION_AGENT_FIELDS) as Array<
  keyof typeof NUTRITION_AGENT_FIELDS
>;
const ALL_AGENTS = [...TRAINING_CHAIN, ...NUTRITION_CHAIN] as const;

export const REGENERATION_NOTE_MAX = VERSION_NOTE_MAX;

export const RegenerationNoteSchema = z
  .string({ error: 'se esperaba la nota del entrenador, como texto' })
  .trim()
  .min(1, 'escribe qué quieres cambiar (p. ej. «más trabajo de glúteo»)')
  .max(REGENERATION_NOTE_MAX, `máximo ${REGENERATION_NOTE_MAX} caracteres`);

const FromAgentScopeSchema = z.strictObject({
  type: z.literal('from_agent'),
  agent: z.enum(ALL_AGENTS, {
    error: `se esperaba un agente de la cadena (${ALL_AGENTS.join(', ')})`,
  }),
});
const SessionScopeSchema = z.strictObject({
  type: z.literal('session'),
  session: z
    .number({ error: 'se esperaba el índice de la sesión (0 = la primera de la semana)' })
    .int('se esperaba un número entero')
    .min(0, 'los índices empiezan en 0'),
});
const MenusScopeSchema = z.strictObject({ type: z.literal('menus') });

export const RegenerationScopeSchema = z.discriminatedUnion(
  'type',
  [FromAgentScopeSchema, SessionScopeSchema, MenusScopeSchema],
  { error: 'se esperaba «from_agent», «session» o «menus»' },
);
export type RegenerationScope = z.infer<typeof RegenerationScopeSchema>;

/** The door that asked (stored as the new version's author). */
export const RegenerationViaSchema = z.enum(OVERRIDE_DOORS, {
  error: `se esperaba ${OVERRIDE_DOORS.join(' o ')}`,
});

/**
 * Why a scope does not fit a plan kind (an agent of the other chain, `session` on nutrition,
 * `menus` on training); empty when it fits. Whether the session index exists needs the plan: the
 * use case checks that.
 */
export function scopeKindProblems(kind: PlanKind, scope: RegenerationScope): FieldError[] {
  const problem = (field: string, text: string): FieldError[] => [
    { field, code: 'invalid_value', message: `${field}: ${text}` },
  ];
  const chain: readonly string[] = kind === 'training' ? TRAINING_CHAIN : NUTRITION_CHAIN;
  const label = kind === 'training' ? 'entrenamiento' : 'nutrición';
  if (scope.type === 'from_agent' && !chain.includes(scope.agent)) {
    return problem(
      'scope.agent',
      `«${scope.agent}» no es un agente del plan de ${label} (${chain.join(', ')})`,
    );
  }
  if (scope.type === 'session' && kind !== 'training') {
    return problem(
      'scope.type',
      '«session» solo vale para planes de entrenamiento; en nutrición usa «menus» o «from_agent»',
    );
  }
  if (scope.type === 'menus' && kind !== 'nutrition') {
    return problem(
      'scope.type',
      '«menus» solo vale para planes de nutrición; en entrenamiento usa «session» o «from_agent»',
    );
  }
  return [];
}

const bodyShape = {
  /** The version the coach is looking at: it must still be the plan's current one. */
  base_version: VersionNumberSchema,
  scope: RegenerationScopeSchema,
  note: RegenerationNoteSchema,
};

/** An HTTP body: `kind` and `plan_id` come from the path. */
export const RegenerateBodySchema = z.strictObject(bodyShape);
export type RegenerateBody = z.infer<typeof RegenerateBodySchema>;

/** The whole request (IPC arguments, the use case's input without the door). */
export const PlanRegenerationRequestSchema = z
  .strictObject({
    kind: z.enum(PLAN_KINDS, { error: 'se esperaba «training» o «nutrition»' }),
    plan_id: z.string({ error: 'se esperaba el id del plan' }).min(1, 'no puede estar vacío'),
    ...bodyShape,
  })
  .superRefine((request, ctx) => {
    for (const problem of scopeKindProblems(request.kind, request.scope)) {
      // The door's mapper puts the field in front of the message again.
      ctx.addIssue({
        code: 'custom',
        path: problem.field.split('.'),
        message: problem.message.slice(problem.field.length + 2),
      });
    }
  });
export type PlanRegenerationRequest = z.infer<typeof PlanRegenerationRequestSchema>;

/** What a regeneration job carries (`generation_jobs.regeneration`): the request and the door. */
export const JobRegenerationSchema = z.object({
  kind: z.enum(PLAN_KINDS),
  plan_id: z.string().min(1),
  base_version: z.number().int().min(1),
  scope: RegenerationScopeSchema,
  note: z.string(),
  via: z.enum(OVERRIDE_DOORS),
});
export type JobRegeneration = z.infer<typeof JobRegenerationSchema>;
