import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import type { AgentId, PipelineInputs } from '../../../src/main/pipeline/agent-definition';
import { readAndScreen } from '../../../src/main/pipeline/audits';
import { buildClientFacts } from '../../../src/main/pipeline/facts/client-facts';
import { buildNutritionFacts } from '../../../src/main/pipeline/facts/nutrition-facts';
import { bridgeFor } from '../../../src/main/pipeline/agents/nutrition/bridge-input';
import {
  computeEnergy,
  computeMacros,
  energyOf,
  macrosOf,
  metabolismOf,
} from '../../../src/main/pipeline/agents/nutrition/nutrition-numbers';
import { PROFILES } from '../../support/profiles';

/*
 * Issue #19: nutrition agents compute the numbers they read instead of waiting for the agents that
 * explain them; a field already stored (a checkpoint, a regeneration's base with the coach's edits)
 * must win over the computed one, and the training load must come from the same week E9 stores.
 */
const now = new Date('2026-12-03T10:00:00Z');

function inputsWith(outputs: Array<[AgentId, unknown]> = []): PipelineInputs {
  const raw = {
    _id: 's-1',
    user_id: 'u-1',
    responses: PROFILES['rodillaLactosa']!,
    submitted_at: now,
    plan_generated: false,
    plan_id: null,
  };
  const validation = validateQuestionnaire(raw, { lang: 'es', now });
  if (!validation.data) throw new Error(JSON.stringify(validation.errors));
  const questionnaire = validation.data;
  const { reading, screening } = readAndScreen(raw, questionnaire.responses, now);
  const clientFacts = buildClientFacts(questionnaire, now, reading);
  return {
    questionnaire,
    clientFacts,
    nutritionFacts: buildNutritionFacts(questionnaire, clientFacts, screening, reading),
    previousPlan: null,
    existingBridge: null,
    outputs: new Map(outputs),
    language: 'es',
  };
}

const week = (minutes: number[]) => ({
  sesiones: ['lunes', 'miercoles', 'viernes'].slice(0, minutes.length).map((dia, i) => ({
    dia,
    nombre: `S${i}`,
    duracion_min: minutes[i]!,
    ejercicios: [],
  })),
});

describe('nutrition numbers where they are read', () => {
  it('computed from the questionnaire and the load when no agent has stored them', () => {
    const inputs = inputsWith();
    expect(energyOf(inputs)).toEqual(computeEnergy(inputs));
    expect(macrosOf(inputs)).toEqual(computeMacros(inputs).macros);
    expect(energyOf(inputs).por_tipo_dia.medio).toBeGreaterThan(1000);
  });

  it('a stored field wins: a regeneration keeps the coach’s edited energy, and the macros follow it', () => {
    const computed = computeEnergy(inputsWith());
    const edited = {
      ...computed,
      por_tipo_dia: { alto: 3000, medio: 2800, bajo: 2600 },
      explicacion: 'editado',
    };
    const inputs = inputsWith([['N2', edited]]);
    expect(energyOf(inputs)).toBe(edited);
    expect(macrosOf(inputs).por_tipo_dia.medio.kcal).toBeGreaterThan(
      computeMacros(inputsWith()).macros.por_tipo_dia.medio.kcal,
    );
    const storedMetabolism = { ...metabolismOf(inputsWith()), tdee: 9999, explicacion: 'x' };
    expect(metabolismOf(inputsWith([['N1', storedMetabolism]])).tdee).toBe(9999);
  });

  it('the training load: E9 as stored, else E6’s week, else E5’s, else the questionnaire', () => {
    const fromQuestionnaire = bridgeFor(inputsWith());
    expect(bridgeFor(inputsWith([['E5', week([60, 60, 45])]])).minutos_semana).toBe(165);
    expect(
      bridgeFor(
        inputsWith([
          ['E5', week([60, 60, 45])],
          ['E6', week([60, 45])],
        ]),
      ).minutos_semana,
    ).toBe(105);
    const stored = { ...fromQuestionnaire, minutos_semana: 1, notas_para_nutricion: 'n' };
    expect(
      bridgeFor(
        inputsWith([
          ['E6', week([60])],
          ['E9', stored],
        ]),
      ).minutos_semana,
    ).toBe(1);
    // The load moves the numbers: more training, more energy.
    const light = computeEnergy(inputsWith([['E5', week([30])]]));
    const heavy = computeEnergy(inputsWith([['E5', week([90, 90, 90])]]));
    expect(heavy.kcal_objetivo).toBeGreaterThan(light.kcal_objetivo);
  });
});
