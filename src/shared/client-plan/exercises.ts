import { z } from 'zod';
import catalogJson from '../../../resources/exercise-catalog.json';
import { MUSCLE_VALUES, PATRON_VALUES, TecnicaSchema, TIPO_EJERCICIO_VALUES, type Muscle } from '../exercise';
import type { ClientPlanLanguage } from './schema';

/*
 * What the client version needs from the exercise catalog (resources/exercise-catalog.json): the
 * name in both languages, the exercise's own technique cue (`tecnica`, one per exercise and
 * language), and the movement pattern and muscles a session's focus is derived from.
 */

const CatalogEntrySchema = z.looseObject({
  id: z.string(),
  nombre: z.string(),
  name_en: z.string(),
  patron: z.enum(PATRON_VALUES),
  tipo: z.enum(TIPO_EJERCICIO_VALUES),
  musculos_primarios: z.array(z.enum(MUSCLE_VALUES)),
  isometrico: z.boolean().optional(),
  tecnica: TecnicaSchema,
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

const BY_ID: ReadonlyMap<string, CatalogEntry> = new Map(
  z
    .array(CatalogEntrySchema)
    .parse(catalogJson)
    .map((entry) => [entry.id, entry]),
);

export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}

export function exerciseName(id: string, language: ClientPlanLanguage): string | undefined {
  const entry = BY_ID.get(id);
  if (!entry) return undefined;
  return language === 'es' ? entry.nombre : entry.name_en;
}

/**
 * The exercise's technique cue from the catalog, in the plan's language. The catalog requires one for
 * every exercise (`tecnica`, checked where it is loaded), so a generic per-pattern sentence has
 * nothing left to cover: an id the catalog does not know has no pattern either, and gets no cue
 * (its name falls back to the id in words, `sessions.ts`).
 */
/** Whether the exercise is a hold (its prescribed numbers are seconds, not repetitions). */
export function isHold(id: string): boolean {
  return BY_ID.get(id)?.isometrico === true;
}

export function exerciseCue(id: string, language: ClientPlanLanguage): string | undefined {
  return BY_ID.get(id)?.tecnica[language];
}

const MUSCLE_NAMES: Record<Muscle, { es: string; en: string }> = {
  pecho: { es: 'pecho', en: 'chest' },
  dorsal: { es: 'espalda', en: 'back' },
  trapecio: { es: 'trapecio', en: 'traps' },
  hombro_anterior: { es: 'hombro', en: 'shoulders' },
  hombro_lateral: { es: 'hombro', en: 'shoulders' },
  hombro_posterior: { es: 'hombro', en: 'shoulders' },
  biceps: { es: 'bíceps', en: 'biceps' },
  triceps: { es: 'tríceps', en: 'triceps' },
  antebrazo: { es: 'antebrazo', en: 'forearms' },
  cuadriceps: { es: 'cuádriceps', en: 'quads' },
  isquiotibiales: { es: 'isquiotibiales', en: 'hamstrings' },
  gluteos: { es: 'glúteos', en: 'glutes' },
  aductores: { es: 'aductores', en: 'adductors' },
  gemelos: { es: 'gemelos', en: 'calves' },
  abdominales: { es: 'abdomen', en: 'abs' },
  oblicuos: { es: 'abdomen', en: 'abs' },
  lumbares: { es: 'zona lumbar', en: 'lower back' },
};

/**
 * The muscles a session works most, by how many of its strength exercises name each as primary
 * (first appearance breaks ties, so the order follows the session).
 */
export function sessionFocusMuscles(
  exerciseIds: readonly string[],
  language: ClientPlanLanguage,
  max = 3,
): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  let position = 0;
  for (const id of exerciseIds) {
    const entry = BY_ID.get(id);
    if (!entry || (entry.tipo !== 'compuesto' && entry.tipo !== 'aislamiento')) continue;
    for (const muscle of entry.musculos_primarios) {
      const name = MUSCLE_NAMES[muscle][language];
      const seen = counts.get(name);
      if (seen) seen.count += 1;
      else counts.set(name, { count: 1, first: position++ });
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, max)
    .map(([name]) => name);
}
