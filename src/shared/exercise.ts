import { z } from 'zod';
import { MATERIAL_DISPONIBLE_VALUES } from './questionnaire';

/*
 * The exercise catalog shipped with the app (`resources/exercise-catalog.json`;
 * docs/ARCHITECTURE.md "Numbers by code, words by the LLM"). E5/E6 may only prescribe ids from it, the audits
 * (TRN-01/02/03) check ids, equipment and contraindications against it, and weekly sets per muscle
 * are computed from its muscle lists. Keys are Spanish because the plan documents are Spanish.
 *
 * No Node imports here: the renderer uses these types and lists too.
 */

/** Movement patterns. Push/pull patterns fix `empuje_traccion` (see the schema refinements). */
export const PATRON_VALUES = [
  'sentadilla',
  'bisagra',
  'zancada',
  'empuje_horizontal',
  'empuje_vertical',
  'traccion_horizontal',
  'traccion_vertical',
  'aislamiento_tren_superior',
  'aislamiento_tren_inferior',
  'core',
  'transporte',
  'cardio',
  'movilidad',
] as const;
export type Patron = (typeof PATRON_VALUES)[number];

/** `compuesto`/`aislamiento` are strength work and count towards weekly sets; the others do not. */
export const TIPO_EJERCICIO_VALUES = ['compuesto', 'aislamiento', 'cardio', 'movilidad'] as const;
export type TipoEjercicio = (typeof TIPO_EJERCICIO_VALUES)[number];
export const STRENGTH_TIPOS: readonly TipoEjercicio[] = ['compuesto', 'aislamiento'];

/** Muscle groups used for weekly-set accounting (docs/DOMAIN.md "Training volume, frequency and effort", TRN-06/07). */
export const MUSCLE_VALUES = [
  'pecho',
  'dorsal',
  'trapecio',
  'hombro_anterior',
  'hombro_lateral',
  'hombro_posterior',
  'biceps',
  'triceps',
  'antebrazo',
  'cuadriceps',
  'isquiotibiales',
  'gluteos',
  'aductores',
  'gemelos',
  'abdominales',
  'oblicuos',
  'lumbares',
] as const;
export type Muscle = (typeof MUSCLE_VALUES)[number];
/** Alias of `MUSCLE_VALUES`. */
export const MUSCLES = MUSCLE_VALUES;

/** Spanish display names for muscles (plan documents, UI). */
export const MUSCLE_LABELS_ES: Record<Muscle, string> = {
  pecho: 'Pecho',
  dorsal: 'Dorsal',
  trapecio: 'Trapecio',
  hombro_anterior: 'Hombro anterior',
  hombro_lateral: 'Hombro lateral',
  hombro_posterior: 'Hombro posterior',
  biceps: 'Bíceps',
  triceps: 'Tríceps',
  antebrazo: 'Antebrazo',
  cuadriceps: 'Cuádriceps',
  isquiotibiales: 'Isquiotibiales',
  gluteos: 'Glúteos',
  aductores: 'Aductores',
  gemelos: 'Gemelos',
  abdominales: 'Abdominales',
  oblicuos: 'Oblicuos',
  lumbares: 'Lumbares',
};

/**
 * Equipment, exactly the values of the questionnaire field `material_disponible` (docs/DOMAIN.md
 * "Questionnaire fields the pipeline reads").
 * An exercise needs ALL the items it lists; `[]` or `['ninguno']` means body weight only.
 * `maquinas` covers selectorised/plate-loaded machines, the Smith machine, cardio machines
 * (static bike, rower, treadmill, elliptical, stair climber) and dip/roman-chair stations.
 */
export const EQUIPMENT_VALUES = MATERIAL_DISPONIBLE_VALUES;
export type Equipment = (typeof EQUIPMENT_VALUES)[number];

export const NIVEL_EJERCICIO_VALUES = ['principiante', 'intermedio', 'avanzado'] as const;
export type NivelEjercicio = (typeof NIVEL_EJERCICIO_VALUES)[number];

/**
 * Contraindication tags. An exercise carries a tag when it contains the stress described; an active
 * or chronic injury maps to the tags it rules out (`contraindicationsForInjury`), and TRN-03 blocks
 * any prescribed exercise whose tags intersect them. Tags must be truthful: a missing tag lets an
 * unsafe exercise through the audit.
 */
export const CONTRA_VALUES = [
  'flexion_profunda_rodilla',
  'impacto',
  'carga_axial_columna',
  'flexion_lumbar_cargada',
  'overhead',
  'hombro_rotacion_extrema',
  'muneca_extension_cargada',
  'agarre_intenso',
  'valsalva',
  'rodilla_valgo_carga',
  'cizalla_lumbar',
  'cizalla_rodilla',
  'colgado',
  'apoyo_unipodal',
  'flexion_profunda_cadera',
  'codo_carga_aislada',
  'carga_cervical',
] as const;
export type Contra = (typeof CONTRA_VALUES)[number];

/** What each tag means (shown to coaches next to a blocked exercise, and the authoring rule). */
export const CONTRA_DESCRIPTIONS: Record<Contra, { es: string; en: string }> = {
  flexion_profunda_rodilla: {
    es: 'Flexión de rodilla por debajo de ~90° (por debajo de la paralela) soportando peso: sentadillas profundas, zancadas, prensa completa, posiciones de rodillas profundas.',
    en: 'Knee flexion past ~90° (below parallel) while bearing load: deep squats, lunges, full leg press, deep kneeling.',
  },
  impacto: {
    es: 'Fase de vuelo y aterrizaje: saltos, carrera, pliometría, burpees.',
    en: 'Flight phase and landing: jumps, running, plyometrics, burpees.',
  },
  carga_axial_columna: {
    es: 'Compresión significativa de la columna: barra sobre hombros/espalda, carga por encima de la cabeza, o cargas pesadas sostenidas de pie (peso muerto, paseo del granjero).',
    en: 'Significant spinal compression: bar on the back/shoulders, load overhead, or heavy loads held standing (deadlift, farmer walk).',
  },
  flexion_lumbar_cargada: {
    es: 'Flexión repetida de la columna lumbar con carga externa o el propio peso: crunch, sit-up, giros rusos, elevaciones de piernas colgado, remo ergómetro.',
    en: 'Repeated lumbar flexion against external load or body weight: crunches, sit-ups, Russian twists, hanging leg raises, rowing ergometer.',
  },
  overhead: {
    es: 'Empujar o sostener carga con los brazos por encima de la cabeza: press militar, arranque, sentadilla overhead, extensiones de tríceps sobre la cabeza.',
    en: 'Pressing or holding load with the arms overhead: overhead press, snatch, overhead squat, overhead triceps extensions.',
  },
  hombro_rotacion_extrema: {
    es: 'Hombro en rango extremo bajo carga (extensión, rotación externa o abducción con rotación interna): fondos, aperturas profundas, pullover, remo al mentón, press o jalón tras nuca.',
    en: 'Shoulder at end range under load (extension, external rotation, or abduction with internal rotation): dips, deep flyes, pullover, upright row, behind-the-neck press or pulldown.',
  },
  muneca_extension_cargada: {
    es: 'Muñeca en extensión soportando peso: flexiones y planchas sobre las manos, cuadrupedia, posición de rack frontal, fondos en banco.',
    en: 'Wrist in extension bearing load: push-ups and planks on the hands, quadruped, front rack position, bench dips.',
  },
  agarre_intenso: {
    es: 'Agarre máximo o prolongado: peso muerto, paseos de carga, dominadas y ejercicios colgado, encogimientos pesados, swing.',
    en: 'Maximal or sustained grip: deadlifts, carries, pull-ups and hanging work, heavy shrugs, swings.',
  },
  valsalva: {
    es: 'Cargas pesadas que suelen ejecutarse con maniobra de Valsalva (apnea con bloqueo): sentadilla, peso muerto y press con barra pesados, prensa pesada. Relevante en hipertensión.',
    en: 'Heavy lifts usually performed with a Valsalva manoeuvre: heavy barbell squat, deadlift and press, heavy leg press. Relevant for hypertension.',
  },
  rodilla_valgo_carga: {
    es: 'Apoyo unilateral o aterrizaje con tendencia a valgo de rodilla bajo carga: zancadas, sentadilla búlgara, subidas al cajón, pistol, aterrizajes.',
    en: 'Single-leg support or landing with loaded knee-valgus tendency: lunges, Bulgarian split squat, step-ups, pistols, landings.',
  },
  cizalla_lumbar: {
    es: 'Tronco inclinado en bisagra con carga libre que exige a los extensores lumbares (cizalla): peso muerto, peso muerto rumano, buenos días, remo inclinado sin apoyo, swing, hiperextensiones.',
    en: 'Hinged torso with free load demanding the lumbar extensors (shear): deadlifts, Romanian deadlift, good mornings, unsupported bent-over rows, swings, back extensions.',
  },
  cizalla_rodilla: {
    es: 'Extensión de rodilla en cadena abierta con carga distal o gran estrés femoropatelar (extensión de cuádriceps, sentadilla sissy): cizalla tibial anterior; evitar tras lesión o cirugía de ligamento cruzado.',
    en: 'Open-chain knee extension with distal load or high patellofemoral stress (leg extension, sissy squat): anterior tibial shear; avoid after cruciate ligament injury or surgery.',
  },
  colgado: {
    es: 'Colgarse de una barra con el peso corporal (dominadas, elevaciones colgado): tracción sobre el hombro en flexión completa.',
    en: 'Hanging from a bar with body weight (pull-ups, hanging raises): traction on the fully flexed shoulder.',
  },
  apoyo_unipodal: {
    es: 'Equilibrio sobre una sola pierna con carga (pistol, peso muerto a una pierna, subida al cajón, gemelo a una pierna): exige estabilidad de tobillo.',
    en: 'Balancing on one leg under load (pistol, single-leg deadlift, step-up, single-leg calf raise): demands ankle stability.',
  },
  flexion_profunda_cadera: {
    es: 'Flexión de cadera más allá de ~100° bajo carga (sentadilla profunda, prensa completa, arranque): relevante en choque femoroacetabular y prótesis de cadera.',
    en: 'Hip flexion beyond ~100° under load (deep squat, full leg press, snatch): relevant for hip impingement and hip replacement.',
  },
  codo_carga_aislada: {
    es: 'Flexión o extensión aislada del codo con carga (curls, extensiones de tríceps, press francés, fondos en banco): relevante en epicondilitis y tendinopatías del codo.',
    en: 'Isolated loaded elbow flexion or extension (curls, triceps extensions, skull crushers, bench dips): relevant for epicondylitis and elbow tendinopathies.',
  },
  carga_cervical: {
    es: 'Carga sobre la zona cervical o el trapecio superior: barra sobre la nuca, press/jalón tras nuca, encogimientos pesados, pino.',
    en: 'Load on the cervical spine or upper trapezius: bar on the neck, behind-the-neck press/pulldown, heavy shrugs, handstands.',
  },
};

/** Longest technique cue, per language: one short sentence that fits under the exercise in the client's PDF. */
export const TECNICA_MAX_CHARS = 140;

const cueText = z
  .string()
  .trim()
  .min(10, 'indicación técnica demasiado corta')
  .max(TECNICA_MAX_CHARS, `indicación técnica de más de ${TECNICA_MAX_CHARS} caracteres`);

/**
 * One technique cue for the client, in both plan languages: a short, concrete instruction for doing
 * this exact exercise safely, in the second person (shown under the exercise in the client version;
 * wording authored after [NSCA], docs/SOURCES.md §3).
 */
export const TecnicaSchema = z.strictObject({ es: cueText, en: cueText });
export type Tecnica = z.infer<typeof TecnicaSchema>;

export const EMPUJE_TRACCION_VALUES = ['empuje', 'traccion'] as const;
export type EmpujeTraccion = (typeof EMPUJE_TRACCION_VALUES)[number];

/** Stable snake_case ids: lower-case ASCII (no accents, no ñ), digits, single underscores. */
export const EXERCISE_ID_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const uniqueList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, 'valores repetidos');

export const ExerciseSchema = z
  .strictObject({
    id: z.string().regex(EXERCISE_ID_PATTERN, 'id debe ser snake_case ASCII (a-z, 0-9, _)'),
    nombre: z.string().trim().min(3),
    name_en: z.string().trim().min(3),
    patron: z.enum(PATRON_VALUES),
    tipo: z.enum(TIPO_EJERCICIO_VALUES),
    musculos_primarios: uniqueList(MUSCLE_VALUES),
    musculos_secundarios: uniqueList(MUSCLE_VALUES),
    material: uniqueList(EQUIPMENT_VALUES),
    nivel: z.enum(NIVEL_EJERCICIO_VALUES),
    contraindicaciones: uniqueList(CONTRA_VALUES),
    unilateral: z.boolean(),
    empuje_traccion: z.enum(EMPUJE_TRACCION_VALUES).nullable(),
    /** A hold (plank, wall sit): its "reps" are seconds, what the client reads says so. */
    isometrico: z.literal(true).optional(),
    tecnica: TecnicaSchema,
  })
  .superRefine((ex, ctx) => {
    const strength = STRENGTH_TIPOS.includes(ex.tipo);
    if (strength && ex.musculos_primarios.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['musculos_primarios'],
        message: 'un ejercicio de fuerza necesita al menos un músculo primario',
      });
    }
    const overlap = ex.musculos_primarios.filter((m) => ex.musculos_secundarios.includes(m));
    if (overlap.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['musculos_secundarios'],
        message: `músculos a la vez primarios y secundarios: ${overlap.join(', ')}`,
      });
    }
    if (ex.material.includes('ninguno') && ex.material.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['material'],
        message: '"ninguno" no se combina con otro material',
      });
    }
    const expected = expectedEmpujeTraccion(ex.patron);
    if (expected !== undefined && ex.empuje_traccion !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['empuje_traccion'],
        message: `el patrón ${ex.patron} exige empuje_traccion = ${String(expected)}`,
      });
    }
    if (ex.patron === 'cardio' && ex.tipo !== 'cardio') {
      ctx.addIssue({ code: 'custom', path: ['tipo'], message: 'el patrón cardio exige tipo cardio' });
    }
    if (ex.patron === 'movilidad' && ex.tipo !== 'movilidad') {
      ctx.addIssue({ code: 'custom', path: ['tipo'], message: 'el patrón movilidad exige tipo movilidad' });
    }
  });
export type Exercise = z.infer<typeof ExerciseSchema>;

/**
 * Push/pull classification a pattern forces; `undefined` when the exercise decides (isolation, core…).
 * Lower-body, core, carry, cardio and mobility patterns are neither push nor pull (`null`): the
 * push:pull ratio (TRN-13) is an upper-body balance check.
 */
export function expectedEmpujeTraccion(patron: Patron): EmpujeTraccion | null | undefined {
  switch (patron) {
    case 'empuje_horizontal':
    case 'empuje_vertical':
      return 'empuje';
    case 'traccion_horizontal':
    case 'traccion_vertical':
      return 'traccion';
    case 'aislamiento_tren_superior':
      return undefined;
    default:
      return null;
  }
}

export const ExerciseCatalogSchema = z.array(ExerciseSchema);

/** What the UI needs to show an exercise by its catalog id (IPC `listExercises`, HTTP `/admin/catalog/exercises`). */
export const CatalogExerciseSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  name_en: z.string(),
  patron: z.enum(PATRON_VALUES),
  musculos_primarios: z.array(z.enum(MUSCLE_VALUES)),
  material: z.array(z.enum(EQUIPMENT_VALUES)),
  /** The injury tags it is contraindicated for: the editor's picker disables it for such a client. */
  contraindicaciones: z.array(z.enum(CONTRA_VALUES)),
});
export type CatalogExercise = z.infer<typeof CatalogExerciseSchema>;

/** The catalog entry without what only the pipeline needs. */
export function toCatalogExercise(ex: Exercise): CatalogExercise {
  return {
    id: ex.id,
    nombre: ex.nombre,
    name_en: ex.name_en,
    patron: ex.patron,
    musculos_primarios: [...ex.musculos_primarios],
    material: [...ex.material],
    contraindicaciones: [...ex.contraindicaciones],
  };
}

/** Exercise levels are ordered: a client may use exercises at or below their level. */
export function nivelRank(nivel: NivelEjercicio): number {
  return NIVEL_EJERCICIO_VALUES.indexOf(nivel);
}

/** Equipment an exercise really needs (`ninguno` is not a requirement). */
export function requiredEquipment(ex: Pick<Exercise, 'material'>): Equipment[] {
  return ex.material.filter((m) => m !== 'ninguno');
}

/** Equipment the exercise needs that the client does not have (empty = available). */
export function missingEquipment(
  exercise: Pick<Exercise, 'material'>,
  material: readonly Equipment[],
): Equipment[] {
  const have = new Set(material);
  return requiredEquipment(exercise).filter((item) => !have.has(item));
}

/** Contraindication tags of the exercise that the client must avoid (empty = safe). */
export function contraindicationConflicts(
  exercise: Pick<Exercise, 'contraindicaciones'>,
  avoid: readonly Contra[],
): Contra[] {
  const set = new Set(avoid);
  return exercise.contraindicaciones.filter((tag) => set.has(tag));
}
