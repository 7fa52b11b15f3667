import type {
  EnergyStrategy,
  MacroDesign,
  Metabolism,
  NutritionFacts,
  NutritionProfile,
} from '@shared/plan-content';
import type { AgentId, PipelineInputs } from '../../agent-definition';
import { activityFactor, computeBmr, energyTargets, macroTargets, tdee } from '../../calculators';
import { bridgeFor } from './bridge-input';

/*
 * The nutrition plan's numbers, computed by code (docs/DOMAIN.md "Numbers by code"): metabolism →
 * energy per day type → macros per day type. Each agent that explains them computes its own, and
 * every agent that only reads them computes them too instead of waiting for the agent that explains
 * them (issue #19: an agent depends only on the fields it reads — these are a pure function of the
 * questionnaire and the training load). Where an agent's field is already stored — this run, a
 * checkpoint, or a regeneration's base version with the coach's edits — that field wins.
 */

type Numbers<T> = Omit<T, 'explicacion'>;

function storedOr<T>(inputs: PipelineInputs, id: AgentId, compute: () => T): T {
  return (inputs.outputs.get(id) as T | undefined) ?? compute();
}

/** The client's facts as the triage (N0) stored them, else as read from the questionnaire. */
export function profileFacts(inputs: PipelineInputs): NutritionFacts {
  return storedOr<Pick<NutritionProfile, 'datos'>>(inputs, 'N0', () => ({ datos: inputs.nutritionFacts }))
    .datos;
}

/** BMR and TDEE (docs/DOMAIN.md "Basal metabolic rate", "Activity level and TDEE"). */
export function computeMetabolism(inputs: PipelineInputs): Numbers<Metabolism> {
  const facts = profileFacts(inputs);
  const r = inputs.questionnaire.responses;
  const bmr = computeBmr({
    sexo: facts.sexo,
    peso_kg: facts.peso_kg,
    altura_cm: facts.altura_cm,
    edad: facts.edad,
    grasa_corporal_pct: r.grasa_corporal_pct ?? null,
    metodo_grasa: r.metodo_grasa ?? null,
  });
  const bridge = bridgeFor(inputs);
  const pal = activityFactor({
    actividad_laboral: r.actividad_laboral ?? 'sedentaria',
    pasos_diarios: r.pasos_diarios ?? null,
    trainingSessionsPerWeek: bridge.sesiones_semana,
    avgSessionMinutes: bridge.sesiones_semana > 0 ? bridge.minutos_semana / bridge.sesiones_semana : 0,
  });
  return {
    bmr: bmr.kcal,
    ecuacion: bmr.equation,
    pal,
    tdee: tdee(bmr.kcal, pal),
    entradas: {
      ...bmr.inputs,
      sesiones_semana: bridge.sesiones_semana,
      minutos_semana: bridge.minutos_semana,
    },
  };
}

export function metabolismOf(inputs: PipelineInputs): Numbers<Metabolism> {
  return storedOr(inputs, 'N1', () => computeMetabolism(inputs));
}

/** The energy target per day type (docs/DOMAIN.md "Energy targets", "Day types and calorie cycling"). */
export function computeEnergy(inputs: PipelineInputs): Numbers<EnergyStrategy> {
  const facts = profileFacts(inputs);
  const targets = energyTargets({
    tdee: metabolismOf(inputs).tdee,
    sex: facts.sexo,
    weightKg: facts.peso_kg,
    goal: facts.objetivo,
    dayTypes: bridgeFor(inputs).mapa_energetico,
    flags: { noDeficit: facts.screening.no_deficit },
  });
  return { objetivo: facts.objetivo, ...targets };
}

export function energyOf(inputs: PipelineInputs): Numbers<EnergyStrategy> {
  return storedOr(inputs, 'N2', () => computeEnergy(inputs));
}

/** Protein, fat and carbohydrate per day type (docs/DOMAIN.md "Macronutrients"), with the weight they rest on. */
export function computeMacros(inputs: PipelineInputs): {
  macros: Numbers<MacroDesign>;
  referenceWeightKg: number;
} {
  const energy = energyOf(inputs);
  const facts = profileFacts(inputs);
  const trained = inputs.clientFacts.nivel_experiencia !== 'principiante';
  const day = (kcal: number) =>
    macroTargets({
      kcal,
      weightKg: facts.peso_kg,
      heightCm: facts.altura_cm,
      goal: facts.objetivo,
      trained,
      deficit: energy.deficit_pct > 0,
      ketogenic: false,
    });
  const byType = {
    alto: day(energy.por_tipo_dia.alto),
    medio: day(energy.por_tipo_dia.medio),
    bajo: day(energy.por_tipo_dia.bajo),
  };
  return {
    macros: {
      por_tipo_dia: { alto: byType.alto.day, medio: byType.medio.day, bajo: byType.bajo.day },
      proteina_g_kg: byType.medio.proteinPerKg,
      grasa_pct: byType.medio.fatPct,
    },
    referenceWeightKg: byType.medio.referenceWeight.kg,
  };
}

export function macrosOf(inputs: PipelineInputs): Numbers<MacroDesign> {
  return storedOr(inputs, 'N3', () => computeMacros(inputs).macros);
}
