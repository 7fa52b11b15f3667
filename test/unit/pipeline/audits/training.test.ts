import { describe, expect, it } from 'vitest';
import {
  auditTraining,
  estimateSessionMinutes,
  recomputeWeeklySets,
  type TrainingAuditInput,
} from '../../../../src/main/pipeline/audits';
import { contraindicationsForInjury, getCatalog } from '../../../../src/main/pipeline/catalog';
import {
  ClientFactsSchema,
  MesocycleSchema,
  SafeSessionsFieldSchema,
  type AuditCheckResult,
  type ClientFacts,
  type Mesocycle,
  type SafeSessionsField,
} from '../../../../src/shared/plan-content';

/*
 * Fixture: an intermediate man in a full gym, muscle-gain goal, 4 days of 60 min, upper/lower
 * split from the shipped catalog. Weekly hard sets (fractional: primary 1, secondary 0.5) land in
 * 10–20 for the major muscles, each trained twice, push:pull 20:20, deload in week 5.
 */

type Exercise = SafeSessionsField['sesiones'][number]['ejercicios'][number];

const ex = (
  ejercicio_id: string,
  series: number,
  reps_min: number,
  reps_max: number,
  descanso_seg: number,
  rir = 2,
): Exercise => ({
  ejercicio_id,
  series,
  reps_min,
  reps_max,
  rir,
  rpe: 10 - rir,
  descanso_seg,
  tempo: null,
  notas: null,
});

const SESSIONS: SafeSessionsField['sesiones'] = [
  {
    dia: 'lunes',
    nombre: 'Torso A',
    duracion_min: 60,
    ejercicios: [
      ex('press_banca_barra', 4, 6, 8, 150),
      ex('remo_pecho_apoyado_mancuernas', 4, 8, 10, 120),
      ex('press_hombro_mancuernas_sentado', 3, 8, 12, 90),
      ex('jalon_pecho_polea', 3, 10, 12, 90),
      ex('extension_triceps_polea', 2, 12, 15, 60),
      ex('curl_mancuernas', 2, 10, 12, 60),
    ],
  },
  {
    dia: 'martes',
    nombre: 'Pierna A',
    duracion_min: 60,
    ejercicios: [
      ex('sentadilla_trasera_barra', 4, 6, 8, 180),
      ex('peso_muerto_rumano_barra', 3, 8, 10, 150),
      ex('prensa_piernas', 3, 10, 12, 120),
      ex('curl_femoral_tumbado_maquina', 3, 10, 12, 90),
    ],
  },
  {
    dia: 'jueves',
    nombre: 'Torso B',
    duracion_min: 60,
    ejercicios: [
      ex('press_banca_inclinado_barra', 3, 8, 10, 120),
      ex('remo_polea_baja', 3, 10, 12, 90),
      ex('aperturas_polea', 3, 12, 15, 60),
      ex('dominadas_asistidas_maquina', 3, 8, 10, 120),
      ex('elevaciones_laterales_mancuernas', 3, 12, 15, 60),
      ex('face_pull_polea', 3, 12, 15, 60),
      ex('extension_triceps_cuerda', 2, 12, 15, 60),
      ex('curl_polea', 2, 12, 15, 60),
    ],
  },
  {
    dia: 'viernes',
    nombre: 'Pierna B',
    duracion_min: 60,
    ejercicios: [
      ex('hip_thrust_barra', 4, 8, 10, 120),
      ex('sentadilla_hack_maquina', 3, 8, 10, 150),
      ex('curl_femoral_sentado_maquina', 3, 10, 12, 90),
      ex('extension_cuadriceps_maquina', 3, 12, 15, 60),
    ],
  },
];

function facts(overrides: Partial<ClientFacts> = {}): ClientFacts {
  return ClientFactsSchema.parse({
    edad: 32,
    sexo: 'Hombre',
    peso_kg: 82,
    altura_cm: 180,
    imc: 25.3,
    objetivo: 'ganar_musculo',
    nivel_experiencia: 'intermedio',
    dias_disponibles: 4,
    dias_semana: ['lunes', 'martes', 'jueves', 'viernes'],
    duracion_sesion_min: 60,
    material: [
      'barra',
      'discos',
      'rack',
      'banco',
      'mancuernas',
      'kettlebell',
      'poleas',
      'maquinas',
      'bandas',
      'barra_dominadas',
    ],
    lesiones: [],
    tags_contraindicados: [],
    ejercicios_excluidos: [],
    ...overrides,
  });
}

const week = (
  semana: number,
  fase: Mesocycle['semanas'][number]['fase'],
  rir: number,
  factor: number,
  carga: number,
) => ({
  semana,
  fase,
  rir_objetivo: rir,
  factor_volumen: factor,
  cambio_carga_pct: carga,
  notas: '',
});

const MESOCYCLE: Mesocycle = MesocycleSchema.parse({
  duracion_semanas: 5,
  semanas: [
    week(1, 'adaptacion', 3, 0.9, 0),
    week(2, 'acumulacion', 2, 1, 5),
    week(3, 'acumulacion', 2, 1.1, 5),
    week(4, 'intensificacion', 1, 1.1, 5),
    week(5, 'descarga', 4, 0.6, -10),
  ],
  series_semanales_objetivo: [
    { musculo: 'Pecho', series: 12 },
    { musculo: 'Dorsal', series: 14 },
    { musculo: 'Cuádriceps', series: 12 },
    { musculo: 'Isquiotibiales', series: 10 },
    { musculo: 'Glúteos', series: 12 },
  ],
  progresion: 'Doble progresión: al completar el rango alto en todas las series, +5 %.',
});

function safeSessions(
  sesiones = SESSIONS,
  correctivos: SafeSessionsField['correctivos'] = [],
): SafeSessionsField {
  return SafeSessionsFieldSchema.parse({
    sesiones,
    sustituciones: [],
    correctivos,
    // Deliberately wrong: the audit must recompute, never read this.
    series_semanales: { pecho: 12 },
  });
}

function input(overrides: Partial<TrainingAuditInput> = {}): TrainingAuditInput {
  return {
    facts: facts(),
    capacity: { nivel: 'intermedio' },
    mesocycle: MESOCYCLE,
    safeSessions: safeSessions(),
    ...overrides,
  };
}

const audit = (overrides: Partial<TrainingAuditInput> = {}) => auditTraining(input(overrides));
const byId = (checks: AuditCheckResult[], id: string) => {
  const found = checks.find((check) => check.id === id);
  if (!found) throw new Error(`${id} no está en la auditoría`);
  return found;
};
const failed = (checks: AuditCheckResult[]) =>
  checks.filter((check) => !check.passed).map((check) => check.id);

/** The fixture with one session replaced. */
const replaceSession = (index: number, session: SafeSessionsField['sesiones'][number]) =>
  SESSIONS.map((existing, i) => (i === index ? session : existing));
/** The fixture with one exercise appended to a session. */
const addExercise = (index: number, exercise: Exercise) =>
  replaceSession(index, { ...SESSIONS[index]!, ejercicios: [...SESSIONS[index]!.ejercicios, exercise] });

describe('auditTraining: a correct plan', () => {
  it('passes every check, in rule-table order', () => {
    const checks = audit();
    expect(checks.map((check) => check.id)).toEqual([
      'TRN-01',
      'TRN-02',
      'TRN-03',
      'TRN-04',
      'TRN-05',
      'TRN-06',
      'TRN-07',
      'TRN-08',
      'TRN-09',
      'TRN-10',
      'TRN-11',
      'TRN-12',
      'TRN-13',
      'TRN-15',
    ]);
    expect(checks.filter((check) => !check.passed)).toEqual([]);
  });

  it('recomputes weekly sets from the sessions with fractional counting', () => {
    const sets = recomputeWeeklySets(SESSIONS, getCatalog());
    // press banca 4 + inclinado 3 + aperturas 3 = 10 primary; no secondary chest work.
    expect(sets.pecho).toBe(10);
    // remo 4 + jalón 3 + remo polea 3 + dominadas asistidas 3 = 13.
    expect(sets.dorsal).toBe(13);
    // triceps: 2 + 2 direct, plus press banca 4 and inclinado 3 as secondary (0.5 each), plus
    // press hombro 3 × 0.5 = 4 + 2 + 1.5 + 1.5 = 9.
    expect(sets.triceps).toBe(9);
    expect(byId(audit(), 'TRN-06').reason).toMatch(/^Series semanales \(cómputo fraccionado\) en rango: /);
  });
});

describe('injected unsafe output: an exercise id not in the catalog', () => {
  it('is blocked by TRN-01, naming the id and the day; the other checks still run', () => {
    const checks = audit({
      safeSessions: safeSessions(addExercise(0, ex('press_inventado_9000', 3, 8, 10, 90))),
    });
    const check = byId(checks, 'TRN-01');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toBe('Ejercicios que no existen en el catálogo: «press_inventado_9000» (lunes).');
    expect(failed(checks)).toEqual(['TRN-01']);
  });

  it('also checks the correctives', () => {
    const correctivos = [
      {
        ejercicio_id: 'movilidad_inventada',
        series: 2,
        repeticiones: '10',
        momento: 'calentamiento' as const,
      },
    ];
    expect(byId(audit({ safeSessions: safeSessions(SESSIONS, correctivos) }), 'TRN-01').reason).toContain(
      '«movilidad_inventada» (correctivo (calentamiento))',
    );
  });
});

describe('injected unsafe output: deep squats and lunges for an active knee injury', () => {
  const knee = {
    zona: 'rodilla derecha',
    descripcion: 'rotura de menisco interno, pendiente de revisión',
    estado: 'activa' as const,
    tags: contraindicationsForInjury('rodilla derecha', 'rotura de menisco interno'),
  };
  const kneeFacts = facts({ lesiones: [knee], tags_contraindicados: knee.tags });
  const lunges = addExercise(1, ex('zancada_frontal_mancuernas', 3, 10, 12, 90));

  it('is blocked by TRN-03, naming the exercise, the stress and the injury', () => {
    const check = byId(audit({ facts: kneeFacts, safeSessions: safeSessions(lunges) }), 'TRN-03');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toContain(
      'Sentadilla trasera con barra (martes): flexion profunda rodilla — lesión de rodilla derecha (activa)',
    );
    expect(check.reason).toMatch(
      /Zancada[^:]*\(martes\): flexion profunda rodilla — lesión de rodilla derecha/,
    );
  });

  it('is caught even when the stored tags are missing (the zone is mapped again)', () => {
    const stale = facts({ lesiones: [{ ...knee, tags: [] }], tags_contraindicados: [] });
    expect(byId(audit({ facts: stale }), 'TRN-03').passed).toBe(false);
  });

  it('a recovered injury restricts nothing', () => {
    const recovered = facts({
      lesiones: [{ ...knee, estado: 'recuperada', tags: [] }],
      tags_contraindicados: [],
    });
    expect(byId(audit({ facts: recovered }), 'TRN-03').passed).toBe(true);
  });

  it('knee-safe alternatives pass', () => {
    const safe = replaceSession(1, {
      ...SESSIONS[1]!,
      ejercicios: [
        ex('sentadilla_caja_alta_barra', 4, 6, 8, 180),
        ex('peso_muerto_rumano_barra', 3, 8, 10, 150),
        ex('prensa_piernas_rango_parcial', 3, 10, 12, 120),
        ex('curl_femoral_tumbado_maquina', 3, 10, 12, 90),
      ],
    });
    const legB = replaceSession(3, {
      ...SESSIONS[3]!,
      ejercicios: [
        ex('hip_thrust_barra', 4, 8, 10, 120),
        ex('prensa_piernas_rango_parcial', 3, 8, 10, 150),
        ex('curl_femoral_sentado_maquina', 3, 10, 12, 90),
        ex('puente_gluteo', 3, 12, 15, 60),
      ],
    });
    const sessions = [safe[0]!, safe[1]!, safe[2]!, legB[3]!];
    expect(byId(audit({ facts: kneeFacts, safeSessions: safeSessions(sessions) }), 'TRN-03').passed).toBe(
      true,
    );
  });

  it('blocks an exercise the client excluded', () => {
    const excluded = facts({ ejercicios_excluidos: ['hip_thrust_barra'] });
    expect(byId(audit({ facts: excluded }), 'TRN-03').reason).toContain(
      'Hip thrust con barra (viernes): excluido por el cliente',
    );
  });
});

describe('injected unsafe output: 35 weekly chest sets', () => {
  const chest = replaceSession(0, {
    ...SESSIONS[0]!,
    ejercicios: [
      ex('press_banca_barra', 10, 6, 8, 150),
      ex('press_banca_mancuernas', 10, 8, 10, 120),
      ex('aperturas_polea', 6, 12, 15, 60),
      ex('remo_pecho_apoyado_mancuernas', 4, 8, 10, 120),
    ],
  });
  // Monday 26 + Thursday's incline press 3 + flyes 3 = 32 … plus 3 more flyes on Thursday.
  const sessions = chest.map((session, index) =>
    index === 2
      ? { ...session, ejercicios: [...session.ejercicios, ex('aperturas_maquina', 3, 12, 15, 60)] }
      : session,
  );

  it('is flagged by TRN-06 as needing the coach’s confirmation (blocking), although the stored count says 12', () => {
    const checks = audit({ safeSessions: safeSessions(sessions) });
    expect(recomputeWeeklySets(sessions, getCatalog()).pecho).toBe(35);
    const check = byId(checks, 'TRN-06');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(
      /más de 30 series semanales \(requiere confirmación del entrenador\): pecho 35/,
    );
  });
});

describe('TRN-02 equipment', () => {
  it('blocks exercises that need equipment the client lacks', () => {
    const home = facts({ material: ['mancuernas', 'bandas'] });
    const check = byId(audit({ facts: home }), 'TRN-02');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(
      /^Material que el cliente no tiene \(mancuernas, bandas\): Press de banca con barra \(lunes\) necesita barra, discos, banco, rack/,
    );
  });

  it('treats "ninguno" as body weight only', () => {
    const bodyweight = [
      {
        dia: 'lunes' as const,
        nombre: 'Cuerpo completo',
        duracion_min: 40,
        ejercicios: [
          ex('flexiones', 3, 8, 12, 60),
          ex('puente_gluteo', 3, 12, 15, 60),
          ex('plancha_frontal', 3, 1, 1, 45),
        ],
      },
    ];
    const none = facts({
      material: ['ninguno'],
      objetivo: 'salud',
      dias_disponibles: 1,
      dias_semana: ['lunes'],
    });
    expect(byId(audit({ facts: none, safeSessions: safeSessions(bodyweight) }), 'TRN-02').passed).toBe(true);
    const withDumbbell = [
      { ...bodyweight[0]!, ejercicios: [...bodyweight[0]!.ejercicios, ex('curl_mancuernas', 2, 10, 12, 60)] },
    ];
    expect(byId(audit({ facts: none, safeSessions: safeSessions(withDumbbell) }), 'TRN-02').reason).toContain(
      'solo peso corporal',
    );
  });
});

describe('TRN-04 / TRN-05 schedule', () => {
  it('blocks more sessions than available days', () => {
    const check = byId(
      audit({ facts: facts({ dias_disponibles: 3, dias_semana: ['lunes', 'martes', 'jueves'] }) }),
      'TRN-04',
    );
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toBe('4 sesiones por semana pero el cliente solo tiene 3 días.');
  });

  it('warns when a session is longer than the client’s time + 10 %', () => {
    const check = byId(audit({ facts: facts({ duracion_sesion_min: 45 }) }), 'TRN-05');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/lunes: 60 min \(declarado 60, estimado \d+\) > 45 min \+ 10 %/);
  });

  it('does not trust a declared duration shorter than the prescription', () => {
    const long = replaceSession(0, {
      ...SESSIONS[0]!,
      duracion_min: 45,
      ejercicios: [...SESSIONS[0]!.ejercicios, ex('press_banca_mancuernas', 6, 8, 10, 180)],
    });
    const estimate = estimateSessionMinutes(long[0]!);
    expect(estimate).toBeGreaterThan(66);
    expect(byId(audit({ safeSessions: safeSessions(long) }), 'TRN-05').passed).toBe(false);
  });

  it('warns above 90 minutes even when the client has the time', () => {
    const client = facts({ duracion_sesion_min: 120 });
    const long = replaceSession(0, { ...SESSIONS[0]!, duracion_min: 100 });
    expect(byId(audit({ facts: client, safeSessions: safeSessions(long) }), 'TRN-05').reason).toMatch(
      /> 90 min/,
    );
  });

  it('estimates minutes from sets, reps, tempo and rest', () => {
    const session = {
      dia: 'lunes' as const,
      nombre: 'x',
      duracion_min: 10,
      ejercicios: [{ ...ex('press_banca_barra', 4, 8, 10, 120), tempo: '3-1-1-0' }],
    };
    // 4 × (10 reps × 5 s + 120 s) = 680 s = 11.33 min + 1 min of set-up.
    expect(estimateSessionMinutes(session)).toBeCloseTo(12.33, 2);
  });
});

describe('TRN-06 / TRN-07 volume and frequency', () => {
  it('warns a beginner above 20 weekly sets', () => {
    const checks = audit({
      facts: facts({ nivel_experiencia: 'principiante' }),
      capacity: { nivel: 'intermedio' },
    });
    // Quads: squat 4 + leg press 3 + hack 3 + extension 3 + RDL-free = 15 (≤ 20).
    expect(byId(checks, 'TRN-06').passed).toBe(true);
    const heavy = addExercise(3, ex('sentadilla_hack_maquina', 6, 8, 10, 150));
    const check = byId(
      auditTraining(
        input({ facts: facts({ nivel_experiencia: 'principiante' }), safeSessions: safeSessions(heavy) }),
      ),
      'TRN-06',
    );
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/por encima de 20 para nivel principiante: cuádriceps 21/);
  });

  it('uses the lower of the questionnaire’s and E2’s level', () => {
    const heavy = addExercise(3, ex('sentadilla_hack_maquina', 6, 8, 10, 150));
    const check = byId(
      audit({ capacity: { nivel: 'principiante' }, safeSessions: safeSessions(heavy) }),
      'TRN-06',
    );
    expect(check.passed).toBe(false);
  });

  it('warns a hypertrophy plan below 10 sets for a major muscle', () => {
    const lessChest = replaceSession(2, {
      ...SESSIONS[2]!,
      ejercicios: SESSIONS[2]!.ejercicios.filter((item) => item.ejercicio_id !== 'aperturas_polea'),
    });
    const check = byId(audit({ safeSessions: safeSessions(lessChest) }), 'TRN-06');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/por debajo de 10 con objetivo de hipertrofia: pecho 7/);
  });

  it('warns a hypertrophy plan that trains a major muscle once a week', () => {
    const noChestB = replaceSession(2, {
      ...SESSIONS[2]!,
      ejercicios: SESSIONS[2]!.ejercicios.filter(
        (item) => !['press_banca_inclinado_barra', 'aperturas_polea'].includes(item.ejercicio_id),
      ),
    });
    const more = replaceSession(0, {
      ...SESSIONS[0]!,
      ejercicios: [...SESSIONS[0]!.ejercicios, ex('aperturas_polea', 6, 12, 15, 60)],
    });
    const sessions = [more[0]!, SESSIONS[1]!, noChestB[2]!, SESSIONS[3]!];
    const check = byId(audit({ safeSessions: safeSessions(sessions) }), 'TRN-07');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/pecho 1×/);
  });

  it('does not require twice a week for a health goal', () => {
    expect(byId(audit({ facts: facts({ objetivo: 'salud' }) }), 'TRN-07').passed).toBe(true);
  });
});

describe('TRN-08 / TRN-09 / TRN-10 prescription', () => {
  it('blocks reps outside 1–30 and inverted ranges', () => {
    const high = byId(
      audit({ safeSessions: safeSessions(addExercise(1, ex('prensa_piernas', 2, 30, 40, 90))) }),
      'TRN-08',
    );
    expect(high).toMatchObject({ severity: 'block', passed: false });
    expect(high.reason).toMatch(/Prensa de piernas.*\(martes\) 30–40 reps/);
    const inverted = byId(
      audit({ safeSessions: safeSessions(addExercise(1, ex('prensa_piernas', 2, 12, 8, 90))) }),
      'TRN-08',
    );
    expect(inverted.reason).toMatch(/rango invertido 12–8/);
  });

  it('blocks RPE ≠ 10 − RIR and RPE outside 5–10', () => {
    const mismatch = { ...ex('curl_polea', 2, 10, 12, 60, 3), rpe: 9 };
    const check = byId(audit({ safeSessions: safeSessions(addExercise(2, mismatch)) }), 'TRN-09');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/RPE 9 ≠ 10 − RIR 3/);
    const low = { ...ex('curl_polea', 2, 10, 12, 60, 5), rpe: 4 };
    expect(byId(audit({ safeSessions: safeSessions(addExercise(2, low)) }), 'TRN-09').reason).toMatch(
      /RPE 4 fuera de 5–10/,
    );
  });

  it('accepts half-point RPEs and a null RPE', () => {
    const half = { ...ex('curl_polea', 2, 10, 12, 60, 2), rpe: 7.5 };
    const none = { ...ex('curl_polea', 2, 10, 12, 60, 2), rpe: null };
    expect(byId(audit({ safeSessions: safeSessions(addExercise(2, half)) }), 'TRN-09').passed).toBe(true);
    expect(byId(audit({ safeSessions: safeSessions(addExercise(2, none)) }), 'TRN-09').passed).toBe(true);
  });

  it('warns a beginner prescribed to failure on a compound lift', () => {
    const failure = replaceSession(1, {
      ...SESSIONS[1]!,
      ejercicios: [ex('sentadilla_trasera_barra', 3, 8, 10, 180, 0)],
    });
    const check = byId(
      audit({ facts: facts({ nivel_experiencia: 'principiante' }), safeSessions: safeSessions(failure) }),
      'TRN-09',
    );
    expect(check).toMatchObject({ severity: 'warn', passed: false });
  });

  it('warns rest under 2 min after heavy sets (≤ 6 reps)', () => {
    const check = byId(
      audit({ safeSessions: safeSessions(addExercise(0, ex('press_banca_agarre_cerrado', 3, 4, 6, 90))) }),
      'TRN-10',
    );
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/6 reps con 90 s/);
  });
});

describe('TRN-11 / TRN-12 mesocycle', () => {
  const withWeeks = (semanas: Mesocycle['semanas']) => ({
    ...MESOCYCLE,
    duracion_semanas: semanas.length,
    semanas,
  });

  it('warns a weekly load step above 10 % (5 % for advanced lifters)', () => {
    const steep = withWeeks(
      MESOCYCLE.semanas.map((w) => (w.semana === 3 ? { ...w, cambio_carga_pct: 15 } : w)),
    );
    expect(byId(audit({ mesocycle: steep }), 'TRN-11').reason).toMatch(/semana 3 \+15 %/);
    const advanced = withWeeks(
      MESOCYCLE.semanas.map((w) => (w.semana === 3 ? { ...w, cambio_carga_pct: 7.5 } : w)),
    );
    expect(byId(audit({ mesocycle: advanced }), 'TRN-11').passed).toBe(true);
    expect(byId(audit({ mesocycle: advanced, capacity: { nivel: 'avanzado' } }), 'TRN-11').passed).toBe(
      false,
    );
  });

  it('blocks a deload week that raises volume', () => {
    const bad = withWeeks(MESOCYCLE.semanas.map((w) => (w.semana === 5 ? { ...w, factor_volumen: 1.2 } : w)));
    const check = byId(audit({ mesocycle: bad }), 'TRN-12');
    expect(check).toMatchObject({ severity: 'block', passed: false });
    expect(check.reason).toMatch(/la descarga de la semana 5 sube el volumen \(×1,2 frente a ×1,1\)/);
  });

  it('warns a deload that reduces nothing', () => {
    const flat = withWeeks(
      MESOCYCLE.semanas.map((w) =>
        w.semana === 5 ? { ...w, factor_volumen: 1.1, rir_objetivo: 1, cambio_carga_pct: 0 } : w,
      ),
    );
    expect(byId(audit({ mesocycle: flat }), 'TRN-12')).toMatchObject({ severity: 'warn', passed: false });
  });

  it('warns more than 8 weeks without a lighter week', () => {
    const long = withWeeks(
      Array.from({ length: 10 }, (_, index) =>
        week(index + 1, index === 0 ? 'adaptacion' : 'acumulacion', 2, 1, 2.5),
      ),
    );
    const check = byId(audit({ mesocycle: long }), 'TRN-12');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toMatch(/10 semanas seguidas sin semana de descarga/);
  });
});

describe('TRN-13 push:pull', () => {
  it('warns outside 0.67–1.5', () => {
    const pushy = addExercise(0, ex('press_banca_mancuernas', 6, 8, 10, 120)).map((session, index) =>
      index === 2
        ? { ...session, ejercicios: [...session.ejercicios, ex('aperturas_maquina', 6, 12, 15, 60)] }
        : session,
    );
    const check = byId(audit({ safeSessions: safeSessions(pushy) }), 'TRN-13');
    expect(check).toMatchObject({ severity: 'warn', passed: false });
    expect(check.reason).toBe(
      'Desequilibrio empuje:tracción (32 series de empuje / 20 de tracción, ratio 1,6; rango 0,67–1,5).',
    );
  });
});
