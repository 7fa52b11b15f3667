import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../resources/exercise-catalog.json';
import { findInternalMarkers } from '../../../../src/shared/client-plan';
import { exerciseCue } from '../../../../src/shared/client-plan/exercises';
import { ExerciseCatalogSchema, TECNICA_MAX_CHARS } from '../../../../src/shared/exercise';

/*
 * The technique cue each exercise shows the client (`tecnica` in resources/exercise-catalog.json):
 * present in both languages, short, free of pipeline vocabulary, and specific to the exercise rather
 * than one sentence per movement pattern.
 */

const catalog = ExerciseCatalogSchema.parse(catalogJson);
const LANGUAGES = ['es', 'en'] as const;
/** How many exercises may share one cue word for word (near-identical variants such as two grips). */
const MAX_SHARED = 2;

describe('technique cues in the exercise catalog', () => {
  it('every exercise has a cue in both languages, within the length limit, as one written sentence', () => {
    expect(catalog.length).toBeGreaterThan(200);
    for (const { id, tecnica } of catalog) {
      for (const language of LANGUAGES) {
        const cue = tecnica[language];
        expect(cue.length, `${id} (${language})`).toBeGreaterThanOrEqual(30);
        expect(cue.length, `${id} (${language})`).toBeLessThanOrEqual(TECNICA_MAX_CHARS);
        expect(cue, `${id} (${language})`).toMatch(/^[A-ZÁÉÍÓÚÑ¿¡].*\.$/u);
        expect(cue, `${id} (${language})`).not.toMatch(/\s{2}|\s[,.;:]/);
      }
      expect(tecnica.es, id).not.toBe(tecnica.en);
    }
  });

  it('contains no internal marker (ids, codes, rule names)', () => {
    const found = catalog.flatMap(({ id, tecnica }) =>
      LANGUAGES.flatMap((language) =>
        findInternalMarkers(tecnica[language]).map((m) => `${id} (${language}): ${m}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('is specific: no cue is shared by more than a couple of exercises', () => {
    for (const language of LANGUAGES) {
      const users = new Map<string, string[]>();
      for (const { id, tecnica } of catalog) {
        const key = tecnica[language].toLowerCase();
        users.set(key, [...(users.get(key) ?? []), id]);
      }
      const shared = [...users.values()].filter((ids) => ids.length > MAX_SHARED);
      expect(shared, language).toEqual([]);
    }
  });

  it('is what the client version shows for the exercise, in the plan language', () => {
    for (const { id, tecnica } of catalog) {
      expect(exerciseCue(id, 'es'), id).toBe(tecnica.es);
      expect(exerciseCue(id, 'en'), id).toBe(tecnica.en);
    }
    expect(exerciseCue('ejercicio_inventado', 'es')).toBeUndefined();
  });
});
