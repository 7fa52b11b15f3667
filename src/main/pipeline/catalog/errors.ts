/** The catalog file is missing, is not JSON, or an entry breaks the schema. Names the bad entries. */
export class CatalogLoadError extends Error {
  override readonly name = 'CatalogLoadError';
  constructor(
    message: string,
    readonly path: string,
    /** One line per offending entry (`#12 "id": field: problem`). */
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n  - ${problems.join('\n  - ')}` : message);
  }
}

/** A plan refers to exercise ids that are not in the catalog (TRN-01: an error, not a plan). */
export class UnknownExerciseError extends Error {
  override readonly name = 'UnknownExerciseError';
  readonly ids: readonly string[];
  constructor(ids: readonly string[]) {
    const unique = [...new Set(ids)];
    super(`Ejercicios que no existen en el catálogo: ${unique.join(', ')}`);
    this.ids = unique;
  }
}
