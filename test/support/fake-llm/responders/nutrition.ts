import { excludedTags, FOODS, type Food } from './foods';

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

export function explanation(agent: string, data: Data): Data {
  const calculos = obj(data['calculos']);
  const numbers = Object.entries(calculos)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v as number}`)
    .slice(0, 6)
    .join(', ');
  return {
    explicacion: `${agent}: valores calculados por el sistema${numbers ? ` (${numbers})` : ''}. Se revisarán en cada control según la evolución.`,
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

function first(list: Food[], excluded: Set<string>, offset: number): Food | null {
  const safe = list.filter((f) => !f.contains.some((t) => excluded.has(t)));
  return safe.length > 0 ? safe[offset % safe.length]! : null;
}

export function n6(data: Data): Data {
  const excluded = excludedTags(
    asArray(data['alergias']),
    asArray(data['intolerancias']),
    String(data['patron_alimentario'] ?? 'omnivoro'),
  );
  const dislikes = asArray<string>(data['no_le_gustan']).map((d) => d.toLowerCase());
  for (const group of Object.values(FOODS))
    for (const food of group)
      if (dislikes.some((d) => food.alimento.includes(d))) excluded.add(food.alimento);
  const meals = asArray<string>(data['comidas']);
  const macros = obj(data['macros_por_tipo_dia']);
  const menus = (['alto', 'medio', 'bajo'] as const).map((tipo, t) => {
    const day = obj(macros[tipo]);
    const perMeal = (key: string) => num(day[key], 0) / Math.max(1, meals.length);
    return {
      tipo_dia: tipo,
      comidas: meals.map((nombre, m) => {
        const protein = first(FOODS.proteina, excluded, m + t);
        const carb = first(FOODS.hidrato, excluded, m + t);
        const fat = first(FOODS.grasa, excluded, 0);
        const veg = first(FOODS.verdura, excluded, m);
        const ingredientes = [
          protein && {
            alimento: protein.alimento,
            cantidad_g: Math.round(Math.min(300, (perMeal('proteina_g') / Math.max(protein.p, 1)) * 100)),
          },
          carb && {
            alimento: carb.alimento,
            cantidad_g: Math.round(Math.min(300, (perMeal('carbohidratos_g') / Math.max(carb.c, 1)) * 100)),
          },
          fat && {
            alimento: fat.alimento,
            cantidad_g: Math.round(Math.min(40, (perMeal('grasa_g') / Math.max(fat.f, 1)) * 50)),
          },
          veg && { alimento: veg.alimento, cantidad_g: 150 },
        ].filter((x): x is { alimento: string; cantidad_g: number } => Boolean(x));
        return {
          nombre,
          platos: [
            {
              nombre: `${nombre} de día ${tipo}`,
              ingredientes: ingredientes.length > 0 ? ingredientes : [{ alimento: 'arroz', cantidad_g: 80 }],
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
  return {
    habitos: [
      'Prepara la comida del día siguiente por la noche.',
      'Bebe un vaso de agua con cada comida.',
      'Come sentado y sin pantallas.',
    ],
    hidratacion: 'Unos 2–2,5 L de agua al día en total, más alrededor del entrenamiento.',
    suplementos:
      limit >= 200
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
