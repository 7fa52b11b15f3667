import { describe, expect, it } from 'vitest';
import {
  adherenceFigures,
  auditNutrition,
  auditTraining,
  energyFigures,
  formattedPlanFigures,
  macroFigures,
  textNumberProblems,
  timingFigures,
  trainingFigures,
  type AllowedValues,
  type NutritionAuditInput,
  type TrainingAuditInput,
} from '../../../../src/main/pipeline/audits';
import { getCatalog } from '../../../../src/main/pipeline/catalog';
import type { E7Output } from '../../../../src/shared/agent-outputs/training';
import type { AuditCheckResult, ClientFacts, NutritionFacts } from '../../../../src/shared/plan-content';

const check = (texto: string, allowed: AllowedValues) =>
  textNumberProblems([{ campo: 'explicacion', texto }], allowed);

describe('textNumberProblems: tolerance is rounding, never a second opinion', () => {
  const kcal = { kcal: [2347, 2100, 1950] };

  it('accepts the computed value as written, rounded, and in English or Spanish notation', () => {
    for (const text of [
      'Comerás 2.347 kcal los días altos.',
      'Unas 2.350 kcal los días altos.',
      'Alrededor de 2.300 kcal en los días de entrenamiento.',
      'High days: 2,347 kcal; rest days 1,950 kcal.',
      '2.347, 2.100 y 1.950 kcal según el día.',
    ]) {
      expect(check(text, kcal)).toEqual([]);
    }
  });

  it('flags a number that is none of them, naming the computed values', () => {
    expect(check('Tu objetivo son 2.800 kcal al día.', kcal)).toEqual([
      'explicacion: el texto dice «2.800 kcal»; los valores calculados son 2.347 / 2.100 / 1.950 kcal. Usa esas cifras o quita la cifra.',
    ]);
    // Rounded past the hundreds is another number: 2.000 is not 2.347.
    expect(check('Unas 2.000 kcal al día.', { kcal: [2347] })).toHaveLength(1);
    expect(check('2.347, 2.600 y 1.950 kcal', kcal)).toEqual([expect.stringContaining('(2.600)')]);
  });

  it('an approximate percentage ("~30 %", "alrededor del 30 %") may be rounded to 5 points', () => {
    const fat = { 'pct:grasa': [28.8, 31.9] };
    expect(check('Grasa ~30 % de la energía.', fat)).toEqual([]);
    expect(check('La grasa ronda alrededor del 30 % de la energía.', fat)).toEqual([]);
    expect(check('Grasa: 30 % de la energía.', fat)).toHaveLength(1);
    expect(check('Grasa ~40 % de la energía.', fat)).toHaveLength(1);
  });

  it('ranges: a general recommendation may be stated; a range about the plan must contain its value', () => {
    const protein = { 'g_kg:proteina': [2.4] };
    expect(check('Se recomienda 1,6–2,2 g/kg de proteína; tú tomarás 2,4 g/kg.', protein)).toEqual([]);
    expect(check('Your protein sits between 2.3 and 2.5 g/kg.', protein)).toEqual([]);
    expect(check('Tu proteína estará entre 1,6 y 2,2 g/kg.', protein)).toHaveLength(1);
    expect(check('Tomarás 1,8 g/kg de proteína.', protein)).toHaveLength(1);
  });

  it('does not check units the writer was given no values for (general advice)', () => {
    const text =
      'Bebe 2–2,5 L de agua, 500 ml más por hora de entreno, 3–5 g de creatina y hasta 400 mg de cafeína.';
    expect(check(text, { kcal: [2000], 'g:proteina': [150] })).toEqual([]);
  });

  it('counts are exact: 4 days is not 3', () => {
    const week = { days: [3], sessions: [3], 'days:descanso': [4] };
    expect(check('Entrenarás tres días por semana y descansarás cuatro días a la semana.', week)).toEqual([]);
    expect(check('Four training days.', week)).toEqual([
      expect.stringContaining('los valores calculados son 3 días de entrenamiento por semana'),
    ]);
    expect(check('Harás 5 sesiones a la semana.', week)).toHaveLength(1);
  });
});

describe('figures: what each text may state', () => {
  it('N2: day-type kcal, their differences, the deficit in % and the day counts', () => {
    const allowed = energyFigures(
      {
        kcal_objetivo: 2000,
        por_tipo_dia: { alto: 2200, medio: 2000, bajo: 1850 },
        dias_por_tipo: { alto: 2, medio: 1, bajo: 4 },
        media_semanal: 1943,
        deficit_pct: 20,
        cambio_semanal_pct: -0.7,
        ajustes: ['Déficit limitado a 1000 kcal/día (guía AHA/ACC/TOS).'],
      },
      2430,
    );
    const ok =
      'Los 2 días altos comes 2.200 kcal, 350 kcal más que los 4 días bajos (1.850 kcal); déficit del 20 %, unos 0,7 % del peso por semana; nunca más de 1.000 kcal de déficit.';
    expect(check(ok, allowed)).toEqual([]);
    expect(check('Tienes 3 días altos.', allowed)).toHaveLength(1);
    expect(check('Un déficit del 35 %.', allowed)).toHaveLength(1);
  });

  it('N3: grams and g/kg by nutrient, on the client’s or the adjusted weight', () => {
    const day = (kcal: number, carbs: number) => ({
      kcal,
      proteina_g: 150,
      grasa_g: 60,
      carbohidratos_g: carbs,
    });
    const allowed = macroFigures(
      {
        por_tipo_dia: { alto: day(2200, 265), medio: day(2000, 215), bajo: day(1800, 165) },
        proteina_g_kg: 2,
        grasa_pct: 27,
      },
      [75, 62.5],
    );
    expect(
      check(
        '150 g de proteína (2 g/kg; 2,4 g/kg de tu peso ajustado), 60 g de grasa y 215 g de hidratos.',
        allowed,
      ),
    ).toEqual([]);
    expect(check('Protein 180 g per day.', allowed)).toHaveLength(1);
    // 150 is the protein, not the fat.
    expect(check('150 g de grasa al día.', allowed)).toHaveLength(1);
  });

  it('N7: only kcal and protein are the plan’s; its water, caffeine and creatine advice is free', () => {
    const allowed = adherenceFigures({
      kcal_por_tipo_dia: { alto: 2200, medio: 2000, bajo: 1800 },
      proteina_g_por_tipo_dia: { alto: 150, medio: 150, bajo: 150 },
      peso_kg: 75,
    });
    expect(check('Bebe 35 ml por kg, unos 2,6 L; reparte tus 150 g de proteína.', allowed)).toEqual([]);
    expect(check('Con tus 3.100 kcal necesitas más agua.', allowed)).toHaveLength(1);
  });
});

const catalogIds = (n: number) =>
  getCatalog()
    .exercises.filter((e) => e.tipo === 'compuesto' && e.material.every((m) => m === 'ninguno'))
    .slice(0, n)
    .map((e) => e.id);

const session = (dia: 'lunes' | 'miercoles' | 'viernes', ids: string[]) => ({
  dia,
  nombre: `Sesión ${dia}`,
  duracion_min: 55,
  ejercicios: ids.map((ejercicio_id) => ({
    ejercicio_id,
    series: 3,
    reps_min: 8,
    reps_max: 12,
    rir: 2,
    rpe: null,
    descanso_seg: 120,
    tempo: null,
    notas: null,
  })),
});

describe('E7 and TRN-15: the client text states the sessions’ figures', () => {
  const ids = catalogIds(3);
  const sesiones = [session('lunes', ids), session('miercoles', ids), session('viernes', ids)];
  const figures = formattedPlanFigures(trainingFigures(sesiones));
  const plan = (introduccion: string): E7Output => ({
    titulo: 'Tu plan',
    introduccion,
    dias: sesiones.map((s) => ({ dia: s.dia, titulo: s.nombre, texto: `Unos 55 minutos: 3 x 8-12, RIR 2.` })),
    consejos: ['Descansa al menos 1 día entre sesiones.'],
  });

  it('accepts the sessions’ days, sets, minutes and RIR', () => {
    const texts = [
      { campo: 'introduccion', texto: 'Tres días por semana, 9 series por sesión, 4 días de descanso.' },
    ];
    expect(textNumberProblems(texts, figures)).toEqual([]);
  });

  it('flags other sets, minutes or RIR', () => {
    const texts = [
      { campo: 'introduccion', texto: 'Cada sesión dura 90 minutos, con 7 series por ejercicio y RIR 0.' },
    ];
    expect(textNumberProblems(texts, figures)).toHaveLength(3);
  });

  const trainingInput = (formattedPlan: E7Output, progresion: string): TrainingAuditInput => ({
    facts: {
      edad: 30,
      sexo: 'Hombre',
      peso_kg: 75,
      altura_cm: 178,
      imc: 23.7,
      objetivo: 'salud',
      nivel_experiencia: 'intermedio',
      dias_disponibles: 3,
      dias_semana: ['lunes', 'miercoles', 'viernes'],
      duracion_sesion_min: 60,
      material: [],
      lesiones: [],
      tags_contraindicados: [],
      ejercicios_excluidos: [],
      por_revisar: [],
    } satisfies ClientFacts,
    capacity: { nivel: 'intermedio' },
    mesocycle: {
      duracion_semanas: 2,
      semanas: [
        {
          semana: 1,
          fase: 'acumulacion',
          rir_objetivo: 2,
          factor_volumen: 1,
          cambio_carga_pct: 0,
          notas: '',
        },
        {
          semana: 2,
          fase: 'descarga',
          rir_objetivo: 4,
          factor_volumen: 0.6,
          cambio_carga_pct: -10,
          notas: 'Baja la carga un 10 %.',
        },
      ],
      series_semanales_objetivo: [{ musculo: 'pecho', series: 10 }],
      progresion,
    },
    safeSessions: { sesiones, correctivos: [] },
    formattedPlan,
  });
  const trn15 = (checks: AuditCheckResult[]) => checks.find((c) => c.id === 'TRN-15');

  it('TRN-15 blocks a stored client text with another weekly count and a wrong load step', () => {
    const passed = trn15(
      auditTraining(
        trainingInput(plan('Entrenarás 3 días por semana.'), 'Descarga: un 10 % menos de carga.'),
      ),
    );
    expect(passed).toMatchObject({ passed: true, severity: 'block' });
    const result = trn15(
      auditTraining(trainingInput(plan('Entrenarás 5 días por semana.'), 'Sube un 2,5 % cada semana.')),
    );
    expect(result).toMatchObject({ passed: false, severity: 'block' });
    expect(result?.reason).toContain('E7 introduccion: el texto dice «5 días»');
    expect(result?.reason).toContain('E4 progresion: el texto dice «2,5 %»');
  });
});

describe('NUT-20: the stored texts of N1–N4 and N7', () => {
  const facts = {
    edad: 34,
    sexo: 'Mujer',
    peso_kg: 68.5,
    altura_cm: 165,
    imc: 25.2,
    objetivo: 'perder_grasa',
    alergias: [],
    intolerancias: [],
    patron_alimentario: 'omnivoro',
    alimentos_no_gustan: [],
    comidas_dia: 4,
    screening: { blocked: false, checks: [], no_deficit: false, caffeine_limit_mg: 400 },
    por_revisar: [],
  } satisfies NutritionFacts;
  const day = (kcal: number, carbs: number) => ({
    kcal,
    proteina_g: 164,
    grasa_g: 53,
    carbohidratos_g: carbs,
  });
  const input = (n2: string, hidratacion: string): NutritionAuditInput => ({
    facts,
    metabolism: {
      bmr: 1417.25,
      ecuacion: 'mifflin_st_jeor',
      pal: 1.375,
      tdee: 1948.72,
      entradas: {
        peso_kg: 68.5,
        altura_cm: 165,
        edad: 34,
        sexo: 'Mujer',
        sesiones_semana: 3,
        minutos_semana: 180,
      },
      explicacion:
        'Tu gasto basal es de 1.417 kcal; con un factor de actividad de 1,375, gastas unas 1.950 kcal al día.',
    },
    energy: {
      objetivo: 'perder_grasa',
      kcal_objetivo: 1559,
      por_tipo_dia: { alto: 1700, medio: 1559, bajo: 1480 },
      dias_por_tipo: { alto: 3, medio: 0, bajo: 4 },
      media_semanal: 1574.3,
      deficit_pct: 19.2,
      cambio_semanal_pct: -0.5,
      explicacion: n2,
    },
    macros: {
      por_tipo_dia: { alto: day(1700, 200), medio: day(1559, 165), bajo: day(1480, 145) },
      proteina_g_kg: 2.39,
      grasa_pct: 30.6,
      explicacion: '164 g de proteína al día (2,4 g/kg) y 53 g de grasa.',
    },
    menu: { menus: [] },
    adherence: { suplementos: [] },
    weekly_structure: { semana: [], explicacion: 'Sin cifras.' },
    adherence_texts: { habitos: ['Cena pronto.'], hidratacion, barreras: [], estrategias: [] },
  });
  const nut20 = (i: NutritionAuditInput) => auditNutrition(i).find((c) => c.id === 'NUT-20');

  it('passes texts that state the computed values and counts what it compared', () => {
    const result = nut20(
      input('Comerás 1.700 kcal los 3 días altos y 1.480 kcal los 4 bajos.', 'Bebe 2 L de agua.'),
    );
    expect(result).toMatchObject({ passed: true, severity: 'block' });
    expect(result?.reason).toMatch(/^\d+ cifras de los textos de N1, N2, N3, N4, N7/);
  });

  it('blocks a text that states other numbers, even when no agent’s repair round saw it', () => {
    const result = nut20(input('Comerás 2.400 kcal al día.', 'Con tus 2.900 kcal bebe 3 L.'));
    expect(result).toMatchObject({ passed: false, severity: 'block' });
    expect(result?.reason).toContain('N2 explicacion: el texto dice «2.400 kcal»');
    expect(result?.reason).toContain('N7 hidratacion: el texto dice «2.900 kcal»');
  });
});

describe('N5’s notes (written before the day’s grams exist)', () => {
  const comidas = [
    { nombre: 'Desayuno', hora: '08:00', proteina_pct: 30, carbohidratos_pct: 25, grasa_pct: 30, nota: '' },
    { nombre: 'Comida', hora: '14:00', proteina_pct: 40, carbohidratos_pct: 45, grasa_pct: 40, nota: '' },
    { nombre: 'Cena', hora: '21:00', proteina_pct: 30, carbohidratos_pct: 30, grasa_pct: 30, nota: '' },
  ];
  it('may state their own shares; any gram or kcal figure is an error', () => {
    const figures = timingFigures({ comidas });
    expect(check('El desayuno lleva el 30 % de la proteína del día.', figures)).toEqual([]);
    expect(check('Toma 40 g de proteína en el desayuno.', figures)[0]).toMatch(
      /«40 g»; el plan no tiene ninguna cifra de/,
    );
    expect(check('Una cena de unas 600 kcal.', figures)).toHaveLength(1);
    expect(check('Unos 0,4 g/kg de proteína por comida.', figures)).toHaveLength(1);
    expect(check('Suma 10 g de fibra en la comida.', figures)).toHaveLength(1);
    expect(check('El desayuno lleva el 35 % de la proteína.', figures)).toHaveLength(1);
  });
});
