import {
  CONTRA_DESCRIPTIONS,
  CONTRA_VALUES,
  EQUIPMENT_VALUES,
  contraindicationConflicts,
  missingEquipment,
  type Contra,
  type Equipment,
  type Exercise,
} from '../exercise';
import type { TrainingPlanDocument } from '../plans';
import { readTraining } from '../client-plan/read-plans';
import { INJURY } from '../reading/lexicon';

/*
 * What a coach may pick when swapping or adding an exercise (issue #16, point 1), judged against
 * the client facts the plan itself stores (`training.client_summary.perfil`, computed from the
 * questionnaire): equipment, the injuries that still restrict training with their contraindication
 * tags, and the exercises the client excluded.
 *
 * The same rules as the pipeline's `missingEquipment` / `contraindicationConflicts`
 * (src/main/pipeline/catalog/catalog.ts) and `activeInjuryTags` (src/main/pipeline/catalog/injuries.ts:
 * `activa` and `cronica` restrict, `recuperada` does not), written on the shared primitives since
 * src/shared cannot import src/main. Those two catalog functions should move to src/shared/exercise.ts.
 */

/** The catalog as edits need it; main (`ExerciseCatalog`) and the renderer can both provide it. */
export interface TrainingEditCatalog {
  byId(id: string): EditableExercise | undefined;
  /** Every exercise, in catalog order (only `exerciseOptions` needs it). */
  all(): readonly EditableExercise[];
}
export type EditableExercise = Pick<
  Exercise,
  'id' | 'nombre' | 'name_en' | 'material' | 'contraindicaciones'
>;

export interface RestrictingInjury {
  zona: string;
  tags: readonly Contra[];
}

/** The client facts an exercise choice is judged against. */
export interface ClientConstraints {
  /** Equipment the client has; an exercise needing anything else is not offered. */
  material: readonly Equipment[];
  /** Injuries that still restrict training (`activa`, `cronica`) and the tags they rule out. */
  injuries: readonly RestrictingInjury[];
  /** Catalog ids the client asked to leave out. */
  excludedIds: readonly string[];
}

export interface ExerciseRestrictionReason {
  es: string;
  en: string;
}

export interface ExerciseOption {
  id: string;
  name_es: string;
  name_en: string;
  allowed: boolean;
  /** Why it is not allowed (absent when allowed). */
  reason?: ExerciseRestrictionReason;
}

const isContra = (tag: string): tag is Contra => (CONTRA_VALUES as readonly string[]).includes(tag);
const isEquipment = (item: string): item is Equipment =>
  (EQUIPMENT_VALUES as readonly string[]).includes(item);

/**
 * The client facts stored in the plan. A plan whose client summary does not parse gives no
 * restrictions and every piece of equipment: nothing is hidden that the coach might need.
 */
export function clientConstraintsOf(plan: TrainingPlanDocument): ClientConstraints {
  const perfil = readTraining(plan).summary?.perfil;
  if (!perfil) return { material: [...EQUIPMENT_VALUES], injuries: [], excludedIds: [] };
  return {
    material: perfil.material.filter(isEquipment),
    injuries: perfil.lesiones
      .filter((lesion) => lesion.estado !== 'recuperada')
      .map((lesion) => ({ zona: lesion.zona, tags: lesion.tags.filter(isContra) }))
      .filter((injury) => injury.tags.length > 0),
    excludedIds: perfil.ejercicios_excluidos,
  };
}

/** Equipment the exercise needs that the client does not have (empty = available). */
export function missingEquipmentFor(exercise: EditableExercise, client: ClientConstraints): Equipment[] {
  return missingEquipment(exercise, client.material);
}

/** Each restricting injury the exercise conflicts with, and the tags at fault. */
export function injuryConflicts(
  exercise: EditableExercise,
  client: ClientConstraints,
): { zona: string; tags: Contra[] }[] {
  return client.injuries
    .map((injury) => ({
      zona: injury.zona,
      tags: contraindicationConflicts(exercise, injury.tags),
    }))
    .filter((conflict) => conflict.tags.length > 0);
}

/** Why the client should not do this exercise, or undefined when nothing rules it out. */
export function exerciseRestriction(
  exercise: EditableExercise,
  client: ClientConstraints,
): ExerciseRestrictionReason | undefined {
  const reasons: ExerciseRestrictionReason[] = [];
  if (client.excludedIds.includes(exercise.id)) {
    reasons.push({
      es: 'El cliente pidió no hacer este ejercicio.',
      en: 'The client asked not to do this exercise.',
    });
  }
  for (const conflict of injuryConflicts(exercise, client)) {
    // The zone as people name it in each language; a zone the lexicon lacks is shown as stored.
    const zone = INJURY.labels.get(conflict.zona) ?? { es: conflict.zona, en: conflict.zona };
    reasons.push({
      es: `Contraindicado por la lesión activa (${zone.es}): ${conflict.tags.map((tag) => CONTRA_DESCRIPTIONS[tag].es).join(' ')}`,
      en: `Contraindicated by the active injury (${zone.en}): ${conflict.tags.map((tag) => CONTRA_DESCRIPTIONS[tag].en).join(' ')}`,
    });
  }
  if (reasons.length === 0) return undefined;
  return { es: reasons.map((r) => r.es).join(' '), en: reasons.map((r) => r.en).join(' ') };
}

/**
 * The catalog exercises a coach may pick for a swap in session `sessionIndex` (0-based), in catalog
 * order: only those the client's equipment allows; those an injury or the client's exclusions
 * rule out come back `allowed: false` with the reason. Throws `RangeError` for a session index the
 * plan does not show (a programming error: the UI only offers shown sessions).
 */
export function exerciseOptions(
  plan: TrainingPlanDocument,
  sessionIndex: number,
  catalog: TrainingEditCatalog,
  client: ClientConstraints = clientConstraintsOf(plan),
): ExerciseOption[] {
  const sessions = readTraining(plan).sessions;
  if (!Number.isInteger(sessionIndex) || sessionIndex < 0 || sessionIndex >= sessions.length) {
    throw new RangeError(`sesión ${sessionIndex} fuera de rango (el plan tiene ${sessions.length})`);
  }
  return catalog
    .all()
    .filter((exercise) => missingEquipmentFor(exercise, client).length === 0)
    .map((exercise) => {
      const reason = exerciseRestriction(exercise, client);
      const option: ExerciseOption = {
        id: exercise.id,
        name_es: exercise.nombre,
        name_en: exercise.name_en,
        allowed: reason === undefined,
      };
      return reason ? { ...option, reason } : option;
    });
}
