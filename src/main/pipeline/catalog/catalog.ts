import {
  type Contra,
  type Equipment,
  type Exercise,
  type NivelEjercicio,
  type Patron,
  type TipoEjercicio,
  contraindicationConflicts,
  missingEquipment,
  nivelRank,
} from '@shared/exercise';
import { UnknownExerciseError } from './errors';

/** Selection criteria for `exercisesFor` (E5/E6 candidate lists, TRN-02/03 style filtering). */
export interface ExerciseFilter {
  /** Client equipment (questionnaire field 26). `[]`/`['ninguno']` = body weight only. */
  material: readonly Equipment[];
  /** Client level: exercises at or below it are returned. Omitted = any level. */
  nivel?: NivelEjercicio;
  /** Contraindication tags the client must avoid (from `activeInjuryTags`). */
  excludeTags?: readonly Contra[];
  /** Catalog ids the client excluded (questionnaire field 27). */
  excludeIds?: readonly string[];
  patron?: Patron | readonly Patron[];
  tipo?: TipoEjercicio | readonly TipoEjercicio[];
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** A validated, immutable catalog with an id index. */
export class ExerciseCatalog {
  readonly exercises: readonly Exercise[];
  private readonly byId: ReadonlyMap<string, Exercise>;

  constructor(
    exercises: readonly Exercise[],
    /** Where it was loaded from (for error messages and logs). */
    readonly source: string,
  ) {
    this.exercises = Object.freeze([...exercises]);
    this.byId = new Map(exercises.map((ex) => [ex.id, ex]));
  }

  get size(): number {
    return this.exercises.length;
  }

  find(id: string): Exercise | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Like `find`, but an unknown id throws `UnknownExerciseError`. */
  get(id: string): Exercise {
    const ex = this.byId.get(id);
    if (!ex) throw new UnknownExerciseError([id]);
    return ex;
  }

  /** Ids (in input order, without repeats) that are not in the catalog. */
  unknownIds(ids: Iterable<string>): string[] {
    const unknown = new Set<string>();
    for (const id of ids) if (!this.byId.has(id)) unknown.add(id);
    return [...unknown];
  }

  exercisesFor(filter: ExerciseFilter): Exercise[] {
    const maxRank = filter.nivel === undefined ? Infinity : nivelRank(filter.nivel);
    const avoid = filter.excludeTags ?? [];
    const excluded = new Set(filter.excludeIds ?? []);
    const patrones = asList(filter.patron);
    const tipos = asList(filter.tipo);
    return this.exercises.filter(
      (ex) =>
        !excluded.has(ex.id) &&
        nivelRank(ex.nivel) <= maxRank &&
        (patrones === undefined || patrones.includes(ex.patron)) &&
        (tipos === undefined || tipos.includes(ex.tipo)) &&
        missingEquipment(ex, filter.material).length === 0 &&
        contraindicationConflicts(ex, avoid).length === 0,
    );
  }
}
