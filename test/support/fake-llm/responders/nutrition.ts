import { foodById, type Food } from '../../../../src/shared/foods';

type Data = Record<string, unknown>;
const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const obj = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});
const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

export function n0(data: Data): Data {
  const datos = obj(data['datos']);
  const screening = obj(datos['screening']);
  const warnings = asArray<Data>(screening['checks']).filter((c) => c['passed'] === false);
  return {
    elegibilidad: warnings.length > 0 ? 'apto_con_precauciones' : 'apto',
    derivaciones: warnings.map((c) => String(c['reason']).slice(0, 280)),
    preferencias: `Patrón ${String(datos['patron_alimentario'] ?? 'omnivoro')}; evitar: ${[...asArray<string>(datos['alergias']), ...asArray<string>(datos['intolerancias'])].join(', ') || 'nada declarado'}.`,
    resumen: `Cliente de ${num(datos['edad'], 30)} años con objetivo ${String(datos['objetivo'] ?? 'salud')}.`,
  };
}

/** Numbers as a Spanish text writes them: "2.350", "1,8". */
function es(value: number, decimals = 0): string {
  const [integer = '0', fraction] = Math.abs(Number(value.toFixed(decimals)))
    .toString()
    .split('.');
  return `${value < 0 ? '-' : ''}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

/**
 * N1–N4 explain the numbers they were given, with their units, as a careful model would: every
 * figure is one of the computed values (rounded), so the text-numbers check (NUT-20) has real
 * figures to compare and must accept them.
 */
export function explanation(agent: string, data: Data): Data {
  const calculos = obj(data['calculos']);
  const perType = obj(calculos['por_tipo_dia']);
  const days = obj(calculos['dias_por_tipo']);
  const sentences: string[] = [];
  if (typeof calculos['bmr'] === 'number') {
    sentences.push(
      `Tu gasto basal es de unas ${es(num(calculos['bmr'], 0))} kcal y, con un factor de actividad de ${es(num(calculos['pal'], 1), 3)}, tu gasto total es de ${es(num(calculos['tdee'], 0))} kcal al día.`,
    );
  }
  if (typeof calculos['kcal_objetivo'] === 'number') {
    sentences.push(
      `Tu objetivo medio es de ${es(num(calculos['kcal_objetivo'], 0))} kcal al día: ${es(num(perType['alto'], 0))} kcal los ${num(days['alto'], 0)} días altos, ${es(num(perType['medio'], 0))} los medios y ${es(num(perType['bajo'], 0))} kcal los bajos.`,
    );
  }
  const medio = obj(perType['medio']);
  if (typeof medio['proteina_g'] === 'number') {
    sentences.push(
      `Un día medio lleva ${es(num(medio['proteina_g'], 0))} g de proteína (${es(num(calculos['proteina_g_kg'], 0), 1)} g/kg), ${es(num(medio['grasa_g'], 0))} g de grasa (${es(num(calculos['grasa_pct'], 0))} % de la energía) y ${es(num(medio['carbohidratos_g'], 0))} g de hidratos.`,
    );
  }
  const semana = asArray<Data>(data['semana']);
  if (semana.length > 0) {
    const count = (tipo: string) => semana.filter((d) => d['tipo_dia'] === tipo).length;
    sentences.push(
      `Entrenas ${semana.filter((d) => d['entrena'] === true).length} días por semana: ${count('alto')} días altos, ${count('medio')} medios y ${count('bajo')} bajos.`,
    );
  }
  return {
    explicacion: `${agent}: ${sentences.join(' ') || 'valores calculados por el sistema.'} Se revisarán en cada control según la evolución.`,
  };
}

const MEAL_NAMES: Record<number, string[]> = {
  2: ['Comida', 'Cena'],
  3: ['Desayuno', 'Comida', 'Cena'],
  4: ['Desayuno', 'Comida', 'Merienda', 'Cena'],
  5: ['Desayuno', 'Media mañana', 'Comida', 'Merienda', 'Cena'],
  6: ['Desayuno', 'Media mañana', 'Comida', 'Merienda', 'Cena', 'Recena'],
  7: ['Desayuno', 'Media mañana', 'Comida', 'Merienda', 'Preentreno', 'Cena', 'Recena'],
};
const HOURS = ['08:00', '11:00', '14:00', '17:30', '19:00', '21:00', '22:30'];

/** Even shares that add up to exactly 100. */
function shares(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => (i < 100 - base * n ? base + 1 : base));
}

export function n5(data: Data): Data {
  const n = Math.max(2, Math.min(7, num(data['comidas_dia'], 4)));
  const names = MEAL_NAMES[n]!;
  const pct = shares(n);
  return {
    comidas: names.map((nombre, i) => ({
      nombre,
      hora: n === 3 ? ['08:00', '14:00', '21:00'][i]! : HOURS[i]!,
      proteina_pct: pct[i]!,
      carbohidratos_pct: pct[i]!,
      grasa_pct: pct[i]!,
      nota: i === 0 ? 'Incluye proteína desde el desayuno.' : '',
    })),
    peri_entreno: 'Hidrato de absorción media 1–2 h antes de entrenar y proteína con hidrato después.',
  };
}

/*
 * N6 as a careful model would answer: foods only from the offered list, chosen by kind, and grams
 * solved so each meal carries its share of the day's protein, carbohydrate and fat. It reads the
 * same per-100 g values the prompt shows (the table), so its menus land on target — the way a
 * real model must for NUT-13 to pass.
 */
type Macro = { kcal: number; p: number; c: number; f: number };
const NUTRIENTS = ['kcal', 'p', 'c', 'f'] as const;
const macroOf = (food: Food): Macro => ({
  kcal: food.per100g.kcal / 100,
  p: food.per100g.proteina_g / 100,
  c: food.per100g.carbohidratos_g / 100,
  f: food.per100g.grasa_g / 100,
});

const PROTEIN_KINDS = [
  'proteina_animal',
  'pescado_marisco',
  'huevo',
  'proteina_vegetal',
  'legumbre',
  'lacteo',
];

/** Solves a small square system by Gaussian elimination; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    const pivot = m
      .slice(col)
      .reduce((best, row, i) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + i : best), col);
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = m[row]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k += 1) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Grams of the foods that best meet the goal's energy, protein, carbohydrate and fat (each
 * relative to its goal): weighted least squares over every subset of the foods, keeping only
 * non-negative answers — a small non-negative least squares, enough for three foods.
 */
function solveGrams(foods: readonly Food[], goal: Macro): number[] {
  const cols = foods.map(macroOf);
  const weight = (key: (typeof NUTRIENTS)[number]) => 1 / Math.max(Math.abs(goal[key]), 1);
  let best: { grams: number[]; error: number } = { grams: foods.map(() => 0), error: Infinity };
  for (let mask = 1; mask < 1 << foods.length; mask += 1) {
    const used = cols.map((_, i) => i).filter((i) => mask & (1 << i));
    const ata = used.map((i) =>
      used.map((j) => NUTRIENTS.reduce((s, k) => s + weight(k) ** 2 * cols[i]![k] * cols[j]![k], 0)),
    );
    const atb = used.map((i) => NUTRIENTS.reduce((s, k) => s + weight(k) ** 2 * cols[i]![k] * goal[k], 0));
    const x = solve(ata, atb);
    if (!x || x.some((g) => g < 0)) continue;
    const grams = foods.map((_, i) => (used.includes(i) ? x[used.indexOf(i)]! : 0));
    const error = NUTRIENTS.reduce((s, k) => {
      const got = grams.reduce((sum, g, i) => sum + g * cols[i]![k], 0);
      return s + (weight(k) * (got - goal[k])) ** 2;
    }, 0);
    if (error < best.error) best = { grams, error };
  }
  return best.grams;
}

function pick(list: readonly Food[], offset: number): Food | null {
  return list.length > 0 ? list[offset % list.length]! : null;
}

export function n6(data: Data): Data {
  const dislikes = asArray<string>(data['no_le_gustan']).map((d) => d.toLowerCase());
  const offered = asArray<string>(data['alimentos'])
    .map((line) => foodById(line.split(';')[0] ?? ''))
    .filter((food): food is Food => Boolean(food))
    .filter((food) => !dislikes.some((d) => food.name.es.toLowerCase().includes(d)));
  const ofKind = (kinds: readonly string[], test: (m: Macro) => boolean) =>
    offered.filter((food) => kinds.includes(food.category) && test(macroOf(food)));
  // Lean sources, so that oil sets the fat: what a dietitian does when fitting grams to macros.
  const proteins = ofKind(PROTEIN_KINDS, (m) => m.p >= 0.15 && m.p > m.c && m.f <= 0.1);
  const legumes = ofKind(['legumbre', 'proteina_vegetal'], (m) => m.p >= 0.08 && m.f <= 0.1);
  const carbs = ofKind(['cereal', 'tuberculo'], (m) => m.c >= 0.15 && m.c > 3 * m.p && m.f <= 0.05);
  const fats = ofKind(['grasa'], (m) => m.f >= 0.8);
  // 150 g of a vegetable per meal: not of a seasoning (garlic is a vegetable in the table, ~1.5 kcal/g).
  const vegetables = ofKind(['verdura'], (m) => m.kcal <= 0.6);
  const meals = asArray<string>(data['comidas']);
  const targets = obj(data['objetivos_por_tipo_dia']);
  const menus = asArray<string>(data['tipos_de_dia']).map((tipo, t) => {
    const day = obj(targets[tipo]);
    const share = (key: string) => num(day[key], 0) / Math.max(1, meals.length);
    return {
      tipo_dia: tipo,
      comidas: meals.map((nombre, m) => {
        const veg = pick(vegetables, m + t);
        const vegMacro = veg ? macroOf(veg) : { kcal: 0, p: 0, c: 0, f: 0 };
        const vegGrams = veg ? 150 : 0;
        const goal = {
          kcal: share('kcal') - vegGrams * vegMacro.kcal,
          p: share('proteina_g') - vegGrams * vegMacro.p,
          c: share('carbohidratos_g') - vegGrams * vegMacro.c,
          f: share('grasa_g') - vegGrams * vegMacro.f,
        };
        const chosen = [
          pick(proteins.length > 0 ? proteins : legumes, m + t),
          pick(carbs, m + t),
          pick(fats, 0),
        ];
        const foods = chosen.filter((food): food is Food => Boolean(food));
        const grams = solveGrams(foods, goal);
        const ingredientes = [
          ...foods.map((food, i) => ({
            alimento_id: food.id,
            cantidad_g: Math.min(1000, Math.round(grams[i]!)),
          })),
          ...(veg ? [{ alimento_id: veg.id, cantidad_g: vegGrams }] : []),
        ].filter((ingredient) => ingredient.cantidad_g >= 1);
        return {
          nombre,
          platos: [
            {
              nombre: `${nombre} de día ${tipo}`,
              ingredientes:
                ingredientes.length > 0 ? ingredientes : [{ alimento_id: offered[0]!.id, cantidad_g: 100 }],
            },
          ],
        };
      }),
    };
  });
  return {
    menus,
    equivalencias: [
      '100 g de arroz cocido = 100 g de patata cocida + 10 g de aceite menos',
      'Pollo ↔ pavo en la misma cantidad',
    ],
  };
}

export function n7(data: Data): Data {
  const limit = num(data['limite_cafeina_mg'], 400);
  // A minor or pregnancy/lactation: no supplement (NUT-18).
  const restricted =
    data['restriccion_suplementos'] !== null && data['restriccion_suplementos'] !== undefined;
  const protein = num(obj(obj(data['objetivos'])['proteina_g_por_tipo_dia'])['medio'], 0);
  return {
    habitos: [
      'Prepara la comida del día siguiente por la noche.',
      'Bebe un vaso de agua con cada comida.',
      'Come sentado y sin pantallas.',
      ...(protein > 0 ? [`Reparte tus ${Math.round(protein)} g de proteína entre las comidas del día.`] : []),
    ],
    hidratacion: 'Unos 2–2,5 L de agua al día en total, más alrededor del entrenamiento.',
    suplementos:
      limit >= 200 && !restricted
        ? [
            {
              nombre: 'creatina monohidrato',
              dosis: '3 g al día',
              motivo: 'rendimiento en fuerza',
              cafeina_mg: 0,
            },
          ]
        : [],
    barreras: ['Falta de tiempo entre semana'],
    estrategias: ['Cocinar por lotes el domingo'],
  };
}
