import { z } from 'zod';
import catalogJson from '../../../resources/exercise-catalog.json';
import { MUSCLE_VALUES, PATRON_VALUES, TIPO_EJERCICIO_VALUES, type Muscle, type Patron } from '../exercise';
import type { ClientPlanLanguage } from './schema';

/*
 * What the client version needs from the exercise catalog (resources/exercise-catalog.json): the
 * name in both languages, and the movement pattern and muscles it derives a cue and a session's
 * focus from. The catalog has no technique-cue field, so the cue is one neutral sentence per
 * movement pattern, true of every exercise of the pattern.
 */

const CatalogEntrySchema = z.looseObject({
  id: z.string(),
  nombre: z.string(),
  name_en: z.string(),
  patron: z.enum(PATRON_VALUES),
  tipo: z.enum(TIPO_EJERCICIO_VALUES),
  musculos_primarios: z.array(z.enum(MUSCLE_VALUES)),
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

const CUES: Record<Patron, { es: string; en: string }> = {
  sentadilla: {
    es: 'Rodillas en la dirección de las puntas de los pies y espalda neutra; baja solo hasta donde mantengas la técnica.',
    en: 'Knees tracking over your toes and a neutral back; go only as low as you can keep good form.',
  },
  bisagra: {
    es: 'Lleva la cadera hacia atrás con la espalda neutra y la carga pegada al cuerpo.',
    en: 'Push your hips back with a neutral back and keep the load close to your body.',
  },
  zancada: {
    es: 'Paso estable, rodilla delantera alineada con el pie y tronco erguido.',
    en: 'Stable stance, front knee in line with your foot and torso upright.',
  },
  empuje_horizontal: {
    es: 'Omóplatos juntos y hacia abajo; baja controlando y empuja sin perder esa posición.',
    en: 'Shoulder blades back and down; lower under control and press without losing that position.',
  },
  empuje_vertical: {
    es: 'Abdomen firme y costillas abajo; empuja en línea recta sin arquear la zona lumbar.',
    en: 'Brace your abs and keep your ribs down; press in a straight line without arching your lower back.',
  },
  traccion_horizontal: {
    es: 'Tira llevando los codos hacia atrás y junta los omóplatos, sin balancear el tronco.',
    en: 'Pull your elbows back and squeeze your shoulder blades together, without swinging your torso.',
  },
  traccion_vertical: {
    es: 'Pecho arriba y codos hacia abajo y atrás, sin balanceo.',
    en: 'Chest up, drive your elbows down and back, no swinging.',
  },
  aislamiento_tren_superior: {
    es: 'Movimiento controlado en todo el recorrido, sin impulso.',
    en: 'Controlled movement through the whole range, no momentum.',
  },
  aislamiento_tren_inferior: {
    es: 'Controla la bajada y aprieta el músculo al final del recorrido.',
    en: 'Control the lowering and squeeze the muscle at the end of the range.',
  },
  core: {
    es: 'Abdomen firme, columna neutra y respiración continua.',
    en: 'Abs braced, spine neutral and keep breathing.',
  },
  transporte: {
    es: 'Camina erguido, con pasos cortos y el abdomen firme.',
    en: 'Walk tall with short steps and your abs braced.',
  },
  cardio: {
    es: 'Mantén un ritmo que te permita hablar con frases cortas.',
    en: 'Keep a pace at which you can still talk in short sentences.',
  },
  movilidad: {
    es: 'Movimiento lento y sin dolor, respirando con calma.',
    en: 'Slow, pain-free movement, breathing calmly.',
  },
};

export function exerciseCue(id: string, language: ClientPlanLanguage): string | undefined {
  const entry = BY_ID.get(id);
  return entry ? CUES[entry.patron][language] : undefined;
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
