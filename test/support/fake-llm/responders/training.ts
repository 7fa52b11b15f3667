import { findExercise } from '../../../../src/main/pipeline/catalog';
/**
 * Deterministic, schema-valid Spanish answers for the training agents, derived from the data the
 * pipeline sent (so a client with a knee injury gets a plan without deep knee flexion: E5 only
 * picks from the allowed list the pipeline computed). This is test support, not the product.
 */
type Data = Record<string, unknown>;
/** `{patron: [ids]}` as the pipeline sends it, flattened to [id, patron] pairs. */
type Allowed = [string, string][];
function flattenMenu(menu: unknown): Allowed {
  return Object.entries(obj(menu)).flatMap(([patron, ids]) =>
    asArray<string>(ids).map((id): [string, string] => [id, patron]),
  );
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const obj = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});
const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
const str = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value ? value : fallback;

const GOALS = [
  'perder_grasa',
  'ganar_musculo',
  'recomposicion',
  'fuerza',
  'rendimiento',
  'salud',
  'mantenimiento',
];
const AVOID: Record<string, string> = {
  flexion_profunda_rodilla: 'flexión profunda de rodilla',
  impacto: 'saltos e impacto',
  carga_axial_columna: 'carga axial sobre la columna',
  flexion_lumbar_cargada: 'flexión lumbar con carga',
  overhead: 'trabajo por encima de la cabeza',
  hombro_rotacion_extrema: 'rotaciones extremas de hombro',
  muneca_extension_cargada: 'extensión de muñeca con carga',
};

export function e1(data: Data): Data {
  const perfil = obj(data['perfil']);
  const lesiones = asArray<Data>(perfil['lesiones']);
  const respuestas = obj(data['respuestas']);
  const objetivo = str(perfil['objetivo'], 'salud');
  const banderas = ['patologias', 'medicacion', 'medicamentos', 'operaciones']
    .filter((k) => respuestas[k] !== undefined && !/^no\b|ninguna/i.test(String(respuestas[k])))
    .map((k) => `Revisar ${k.replace('_', ' ')}: ${JSON.stringify(respuestas[k]).slice(0, 120)}`);
  return {
    resumen: `${str(data['nombre'], 'Cliente')}, ${num(perfil['edad'], 30)} años, nivel ${str(perfil['nivel_experiencia'], 'principiante')}. Quiere ${objetivo.replace('_', ' ')} y puede entrenar ${num(perfil['dias_disponibles'], 3)} días de ${num(perfil['duracion_sesion_min'], 60)} minutos.`,
    objetivo_interpretado: GOALS.includes(objetivo) ? objetivo : 'salud',
    restricciones: lesiones.map((l) => ({
      zona: str(l['zona'], 'zona'),
      descripcion: str(l['descripcion'], ''),
      estado: str(l['estado'], 'activa'),
      evitar:
        asArray<string>(l['tags'])
          .map((t) => AVOID[t] ?? t)
          .join(', ') || 'dolor durante el ejercicio',
    })),
    prehab: lesiones.map((l) => ({
      zona: str(l['zona'], 'zona'),
      recomendacion: `Movilidad y fuerza sin dolor para ${str(l['zona'], 'la zona')} antes de cada sesión.`,
    })),
    banderas,
    progreso_previo: data['plan_anterior']
      ? 'Viene de un bloque anterior: mantener los básicos y progresar volumen de forma gradual.'
      : null,
  };
}

export function e2(data: Data): Data {
  const perfil = obj(data['perfil']);
  const nivel = str(perfil['nivel_experiencia'], 'principiante');
  const preferred = nivel === 'principiante' ? 3 : nivel === 'intermedio' ? 4 : 5;
  const dias = Math.max(1, Math.min(num(perfil['dias_disponibles'], 3), preferred));
  const activa = asArray<Data>(data['restricciones']).some((r) => r['estado'] === 'activa');
  return {
    nivel,
    split: dias <= 3 ? 'full_body' : dias === 4 ? 'torso_pierna' : 'empuje_traccion_pierna',
    dias_semana: dias,
    rir_objetivo: nivel === 'principiante' ? 3 : nivel === 'intermedio' ? 2 : 1,
    riesgo: activa ? 'moderado' : 'bajo',
    justificacion: `Nivel ${nivel} con ${dias} días: ${activa ? 'hay una lesión activa, se prioriza técnica y control' : 'sin limitaciones relevantes'}.`,
  };
}

export function e3(data: Data): Data {
  const capacidad = obj(data['capacidad']);
  return {
    estrategia:
      'Introducir el volumen de forma progresiva las dos primeras semanas, con técnica como prioridad y registro de cargas.',
    enfasis: ['técnica de los patrones básicos', 'constancia semanal', 'progresión de cargas documentada'],
    tolerancia_volumen: capacidad['riesgo'] === 'moderado' ? 'baja' : 'media',
    notas: 'Revisar sensaciones y dolor al final de cada semana.',
  };
}

const MAIN_MUSCLES = [
  'pecho',
  'dorsal',
  'cuadriceps',
  'isquiotibiales',
  'gluteos',
  'hombro_lateral',
  'biceps',
  'triceps',
];

export function e4(data: Data): Data {
  const capacidad = obj(data['capacidad']);
  const nivel = str(data['nivel'], 'principiante');
  const rir = num(capacidad['rir_objetivo'], 2);
  const loadWeeks = nivel === 'principiante' ? 4 : 5;
  const base = nivel === 'principiante' ? 10 : nivel === 'intermedio' ? 12 : 14;
  const previous = obj(data['mesociclo_anterior']);
  const bonus = data['mesociclo_anterior'] ? 2 : 0;
  const semanas = Array.from({ length: loadWeeks }, (_, i) => ({
    semana: i + 1,
    fase: i === 0 ? 'adaptacion' : i < loadWeeks - 1 ? 'acumulacion' : 'intensificacion',
    rir_objetivo: Math.max(0, Math.min(5, rir + (i === 0 ? 1 : 0))),
    factor_volumen: Math.round((0.9 + i * 0.05) * 100) / 100,
    cambio_carga_pct: i === 0 ? 0 : 2.5,
    notas:
      i === 0
        ? 'Semana de aprendizaje técnico.'
        : 'Sube la carga si completas las repeticiones con el RIR indicado.',
  }));
  semanas.push({
    semana: loadWeeks + 1,
    fase: 'descarga',
    rir_objetivo: Math.min(5, rir + 2),
    factor_volumen: 0.6,
    cambio_carga_pct: -10,
    notas: 'Descarga: menos series, mismas técnicas.',
  });
  return {
    duracion_semanas: loadWeeks + 1,
    semanas,
    series_semanales_objetivo: MAIN_MUSCLES.map((musculo) => ({ musculo, series: base + bonus })),
    progresion: previous['progresion']
      ? 'Progresión desde el bloque anterior: +2 series por músculo y cargas +2,5 %.'
      : 'Doble progresión: repeticiones primero, luego +2,5 % de carga.',
  };
}

/** Session templates by split: the movement patterns each day needs. */
const TEMPLATES: Record<string, string[][]> = {
  full_body: [
    [
      'sentadilla',
      'empuje_horizontal',
      'traccion_horizontal',
      'bisagra',
      'aislamiento_tren_superior',
      'core',
    ],
    ['bisagra', 'empuje_vertical', 'traccion_vertical', 'zancada', 'aislamiento_tren_inferior', 'core'],
    ['sentadilla', 'empuje_horizontal', 'traccion_vertical', 'bisagra', 'aislamiento_tren_superior', 'core'],
  ],
  torso_pierna: [
    [
      'empuje_horizontal',
      'traccion_horizontal',
      'empuje_vertical',
      'traccion_vertical',
      'aislamiento_tren_superior',
    ],
    ['sentadilla', 'bisagra', 'zancada', 'aislamiento_tren_inferior', 'core'],
  ],
  empuje_traccion_pierna: [
    ['empuje_horizontal', 'empuje_vertical', 'aislamiento_tren_superior', 'core'],
    ['traccion_vertical', 'traccion_horizontal', 'aislamiento_tren_superior', 'core'],
    ['sentadilla', 'bisagra', 'zancada', 'aislamiento_tren_inferior'],
  ],
};

function pick(
  allowed: Allowed,
  pattern: string,
  used: Set<string>,
  dayIndex: number,
): [string, string] | null {
  const candidates = allowed.filter((e) => e[1] === pattern);
  if (candidates.length === 0) return null;
  // Rotate by day so the week has variety, skipping what this session already uses.
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[(dayIndex + k) % candidates.length]!;
    if (!used.has(candidate[0])) return candidate;
  }
  return null;
}

export function e5(data: Data): Data {
  const dias = asArray<string>(data['dias']);
  const allowed = flattenMenu(data['ejercicios_permitidos']);
  const split = str(data['split'], 'full_body');
  const nivel = str(data['nivel'], 'principiante');
  const rir = num(data['rir_objetivo'], 2);
  const minutes = num(data['duracion_sesion_min'], 60);
  const maxSets = Math.max(6, Math.floor((minutes - 10) / 3));
  const template = TEMPLATES[split] ?? TEMPLATES['full_body']!;
  const sesiones = dias.map((dia, i) => {
    const patterns = template[i % template.length]!;
    const used = new Set<string>();
    const ejercicios: Data[] = [];
    let sets = 0;
    for (const pattern of patterns) {
      const exercise = pick(allowed, pattern, used, i);
      if (!exercise) continue;
      const compound = !pattern.startsWith('aislamiento') && pattern !== 'core';
      const series = compound ? 3 : 2;
      if (sets + series > maxSets) break;
      used.add(exercise[0]);
      sets += series;
      const heavy = compound && nivel !== 'principiante';
      ejercicios.push({
        ejercicio_id: exercise[0],
        series,
        reps_min: heavy ? 6 : 10,
        reps_max: heavy ? 8 : 12,
        rir,
        rpe: null,
        descanso_seg: heavy ? 150 : compound ? 120 : 75,
        tempo: null,
        notas: null,
      });
    }
    if (ejercicios.length === 0 && allowed[0]) {
      ejercicios.push({
        ejercicio_id: allowed[0][0],
        series: 3,
        reps_min: 10,
        reps_max: 12,
        rir,
        rpe: null,
        descanso_seg: 90,
        tempo: null,
        notas: null,
      });
      sets = 3;
    }
    return {
      dia,
      nombre: `Sesión ${String.fromCharCode(65 + (i % template.length))}`,
      duracion_min: Math.min(minutes, 10 + sets * 3),
      ejercicios,
    };
  });
  return { sesiones };
}

/**
 * E6 answers with its swaps only (the pipeline applies them to E5's week): each exercise off the safe
 * list for the first safe one of the same pattern that its sessions do not already have.
 */
export function e6(data: Data): Data {
  const allowed = flattenMenu(data['alternativas_seguras']);
  const allowedIds = new Set(allowed.map((e) => e[0]));
  const sessions = asArray<Data>(data['sesiones']).map((session) =>
    asArray<Data>(session['ejercicios']).map((exercise) => String(exercise['ejercicio_id'])),
  );
  const sustituciones = [...new Set(sessions.flat())]
    .filter((id) => !allowedIds.has(id))
    .flatMap((id) => {
      const pattern = findExercise(id)?.patron;
      const taken = new Set(sessions.filter((ids) => ids.includes(id)).flat());
      const replacement = allowed.find(([other, patron]) => patron === pattern && !taken.has(other));
      return replacement
        ? [{ original_id: id, nuevo_id: replacement[0], motivo: 'Contraindicado por la lesión declarada' }]
        : [];
    });
  const core = allowed.find((e) => e[1] === 'core');
  const correctivos =
    asArray<Data>(data['lesiones']).length > 0 && core
      ? [{ ejercicio_id: core[0], series: 2, repeticiones: '10-12', momento: 'calentamiento' }]
      : [];
  return { sustituciones, correctivos };
}

export function e7(data: Data): Data {
  const nombre = str(data['nombre'], 'Hola');
  const sesiones = asArray<Data>(data['sesiones']);
  return {
    titulo: `Plan de entrenamiento de ${nombre}`,
    introduccion: `${nombre}, este es tu plan para las próximas semanas. Calienta 10 minutos y deja siempre las repeticiones en reserva que se indican (RIR).`,
    dias: sesiones.map((s) => ({
      dia: s['dia'],
      titulo: str(s['nombre'], 'Sesión'),
      texto: `Hoy entrenas unos ${num(s['minutos'], 60)} minutos: ${asArray<string>(s['ejercicios']).join('; ')}.`,
    })),
    consejos: [
      'Apunta tus cargas en cada sesión.',
      'Si algo duele, para y avisa a tu entrenador.',
      'Duerme al menos 7 horas.',
    ],
  };
}

export function review(data: Data): Data {
  const failed = asArray<Data>(data['checks']).length;
  return {
    revision:
      failed === 0
        ? 'El plan es coherente con el objetivo y respeta las restricciones.'
        : `Hay ${failed} comprobaciones del sistema a revisar por el entrenador.`,
    warnings: [],
    recomendaciones: ['Revisar la técnica de los ejercicios básicos en la primera semana.'],
  };
}
