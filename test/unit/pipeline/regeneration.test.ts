import { describe, expect, it } from 'vitest';
import { PlanRegenerationRequestSchema, scopeKindProblems } from '../../../src/shared/plan-regeneration';
import { regenerationAgents, seededOutputs } from '../../../src/main/pipeline/regeneration';
import { withCoachNote } from '../../../src/main/pipeline/prompts/agent-messages';

describe('which agents a regeneration re-runs', () => {
  it("the scope's first agent, everything downstream of it in the chain, and always the auditor", () => {
    expect(regenerationAgents('training', { type: 'session', session: 0 })).toEqual([
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
    ]);
    expect(regenerationAgents('training', { type: 'from_agent', agent: 'E1' })).toHaveLength(9);
    expect(regenerationAgents('training', { type: 'from_agent', agent: 'E3' })).toEqual([
      'E3',
      'E4',
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
    ]);
    // E9 feeds nobody in the training chain; the auditor still re-audits the version.
    expect(regenerationAgents('training', { type: 'from_agent', agent: 'E9' })).toEqual(['E8', 'E9']);
    // N7's texts do not read the menus: a new menu re-runs only N6 and the auditor.
    expect(regenerationAgents('nutrition', { type: 'menus' })).toEqual(['N6', 'N8']);
    // N5's meal times and shares read no numbers: new macros leave them as they were.
    expect(regenerationAgents('nutrition', { type: 'from_agent', agent: 'N1' })).toEqual([
      'N1',
      'N2',
      'N3',
      'N4',
      'N6',
      'N7',
      'N8',
    ]);
  });

  it('seeds every other agent with its plan field', () => {
    const content = { profile: { a: 1 }, metabolism: { bmr: 1500 }, menu_plan: { old: true } };
    const seeded = seededOutputs('nutrition', content, ['N6', 'N7', 'N8']);
    expect(seeded.get('N0')).toEqual({ a: 1 });
    expect(seeded.get('N1')).toEqual({ bmr: 1500 });
    expect(seeded.has('N6')).toBe(false);
    expect([...seeded.keys()]).toEqual(['N0', 'N1', 'N2', 'N3', 'N4', 'N5']);
  });
});

describe('the request', () => {
  it('a scope must fit the plan kind; the error names the field', () => {
    expect(scopeKindProblems('nutrition', { type: 'session', session: 0 })[0]?.field).toBe('scope.type');
    expect(scopeKindProblems('training', { type: 'menus' })[0]?.field).toBe('scope.type');
    expect(scopeKindProblems('nutrition', { type: 'from_agent', agent: 'E4' })[0]?.message).toMatch(
      /^scope\.agent: «E4» no es un agente del plan de nutrición/,
    );
    const parsed = PlanRegenerationRequestSchema.safeParse({
      kind: 'training',
      plan_id: 'tp_x',
      base_version: 1,
      scope: { type: 'menus' },
      note: 'a',
    });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'scope.type',
        '«menus» solo vale para planes de nutrición; en entrenamiento usa «session» o «from_agent»',
      ],
    ]);
  });
});

describe('the coach note in a prompt', () => {
  const messages = [
    { role: 'system' as const, content: 'Eres X.\nReglas:\n- a' },
    { role: 'user' as const, content: 'TAREA: t\n\nDATOS (JSON):\n{}' },
  ];
  it('labelled at the end of the user message, in the plan language, never above safety', () => {
    const [system, user] = withCoachNote(messages, 'más glúteo', 'es');
    expect(user?.content).toBe('TAREA: t\n\nDATOS (JSON):\n{}\n\nNOTA DEL ENTRENADOR: más glúteo');
    expect(system?.content).toContain('Nunca prevalece sobre las reglas de seguridad');
    const [systemEn, userEn] = withCoachNote(messages, 'more glutes', 'en');
    expect(userEn?.content).toMatch(/COACH'S NOTE \(Nota del entrenador\): more glutes$/);
    expect(systemEn?.content).toContain('never overrides the safety rules');
  });
});
