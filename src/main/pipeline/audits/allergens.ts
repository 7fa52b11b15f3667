import { findTokenRun, normalizeText, tokens } from './text';
import { ALERGENOS_EU14 } from '@shared/questionnaire';

/*
 * Food groups a client can exclude (EU-14 allergens, intolerances, dietary patterns) and the Spanish
 * words that reveal them in an ingredient name (NUT-14, DOMAIN §2.8). The LLM writes ingredients
 * freely ("Yogur griego natural 0 %", "pan integral de centeno", "leche de avena"), so each group
 * lists the food words in the singular (plurals are matched by `wordMatches`) and the qualifiers
 * that turn the word into something else ("leche de almendra" is not milk, "nuez moscada" is not
 * a tree nut, "avena sin gluten" is safe for a celiac). When in doubt a word stays in the list: a
 * false alarm costs the coach a glance, a miss can cost the client an anaphylaxis.
 */

interface FoodRule {
  /** Food words, singular, as a person writes them; multi-word terms match as a phrase. */
  readonly terms: readonly string[];
  /** Phrases that, right after the term, make the food something else ("leche" + "de soja"). */
  readonly unlessFollowedBy?: readonly string[];
  /** Phrases that, right before the term, make the food something else ("huevo de" + "codorniz"). */
  readonly unlessPrecededBy?: readonly string[];
  /** Phrases anywhere in the ingredient that make it safe ("pan de molde sin gluten"). */
  readonly unlessContains?: readonly string[];
}

const PLANT_DRINK_QUALIFIERS = [
  'de soja',
  'de avena',
  'de almendra',
  'de arroz',
  'de coco',
  'de avellana',
  'de anacardo',
  'de nuez',
  'de canamo',
  'de guisante',
  'de espelta',
  'de quinoa',
  'vegetal',
  'vegana',
  'vegano',
];
const NUT_BUTTER_QUALIFIERS = [
  'de cacahuete',
  'de mani',
  'de almendra',
  'de anacardo',
  'de avellana',
  'de cacao',
  'de karite',
  'de sesamo',
  'de pistacho',
];

const LECHE: FoodRule[] = [
  { terms: ['leche', 'bebida lactea'], unlessFollowedBy: PLANT_DRINK_QUALIFIERS },
  {
    terms: ['yogur', 'yogurt', 'yogourt', 'queso', 'nata', 'helado', 'kefir'],
    unlessFollowedBy: [...PLANT_DRINK_QUALIFIERS, 'de tofu', 'de agua'],
  },
  { terms: ['mantequilla'], unlessFollowedBy: [...NUT_BUTTER_QUALIFIERS, 'vegetal', 'vegana'] },
  { terms: ['suero'], unlessFollowedBy: ['fisiologico', 'oral'] },
  {
    terms: [
      'lacteo',
      'lactea',
      'requeson',
      'caseina',
      'caseinato',
      'whey',
      'cuajada',
      'ghee',
      'mozzarella',
      'parmesano',
      'ricotta',
      'burrata',
      'feta',
      'mascarpone',
      'skyr',
      'quark',
      'petit suisse',
      'natilla',
      'flan',
      'bechamel',
      'emmental',
      'gouda',
      'cheddar',
      'brie',
      'camembert',
      'manchego',
      'gruyere',
      'roquefort',
      'cabrales',
      'edam',
      'halloumi',
      'paneer',
      'provolone',
      'pecorino',
      'lactosa',
      'lactosuero',
    ],
  },
];

const GLUTEN_FREE_FLOURS = [
  'de arroz',
  'de maiz',
  'de garbanzo',
  'de lenteja',
  'de legumbre',
  'de guisante',
  'de quinoa',
  'de trigo sarraceno',
  'de alforfon',
  'de almendra',
  'de coco',
  'de yuca',
  'de tapioca',
  'de patata',
  'de castana',
];

const GLUTEN: FoodRule[] = [
  { terms: ['trigo'], unlessFollowedBy: ['sarraceno'], unlessContains: ['sin gluten'] },
  {
    terms: ['pasta', 'harina', 'semola', 'fideo', 'galleta', 'tostada', 'tortita', 'pan'],
    unlessFollowedBy: [...GLUTEN_FREE_FLOURS, 'de sesamo', 'de cacahuete', 'de avellana'],
    unlessContains: ['sin gluten'],
  },
  {
    terms: [
      'cebada',
      'centeno',
      'espelta',
      'cuscus',
      'seitan',
      'avena',
      'bulgur',
      'kamut',
      'triticale',
      'malta',
      'cerveza',
      'biscote',
      'bizcocho',
      'magdalena',
      'croissant',
      'cruasan',
      'bolleria',
      'espagueti',
      'spaghetti',
      'macarron',
      'tallarin',
      'lasana',
      'pizza',
      'empanada',
      'empanadilla',
      'rebozado',
      'empanado',
      'wrap',
      'muesli',
      'granola',
      'cereal',
      'salsa de soja',
      'noqui',
      'gnocchi',
      'crep',
      'crepe',
      'panecillo',
      'baguette',
      'chapata',
      'pita',
      'gofre',
      'pretzel',
      'picatoste',
      'bagel',
    ],
    unlessContains: ['sin gluten'],
  },
];

const HUEVO: FoodRule[] = [
  { terms: ['huevo', 'clara', 'yema', 'merengue', 'ovoproducto', 'albumina', 'flan', 'natilla'] },
  { terms: ['tortilla'], unlessFollowedBy: ['de trigo', 'de maiz', 'de harina', 'mexicana'] },
  { terms: ['mayonesa'], unlessFollowedBy: ['vegana', 'vegetal', 'sin huevo'] },
].map((rule) => ({ ...rule, unlessContains: ['sin huevo'] }));

const PESCADO: FoodRule[] = [
  {
    terms: [
      'pescado',
      'pescadilla',
      'salmon',
      'atun',
      'merluza',
      'bacalao',
      'sardina',
      'sardinilla',
      'boqueron',
      'anchoa',
      'caballa',
      'dorada',
      'lubina',
      'trucha',
      'rape',
      'lenguado',
      'gallo',
      'emperador',
      'pez espada',
      'bonito',
      'jurel',
      'salmonete',
      'rodaballo',
      'panga',
      'tilapia',
      'arenque',
      'abadejo',
      'surimi',
      'gula',
      'caviar',
      'hueva',
      'mero',
      'corvina',
      'besugo',
      'palometa',
      'carpa',
      'perca',
      'bacaladilla',
      'lucio',
    ],
  },
];

const CRUSTACEOS: FoodRule[] = [
  {
    terms: [
      'marisco',
      'crustaceo',
      'gamba',
      'langostino',
      'camaron',
      'cigala',
      'langosta',
      'bogavante',
      'cangrejo',
      'centollo',
      'buey de mar',
      'necora',
      'percebe',
      'carabinero',
      'krill',
      'quisquilla',
    ],
  },
];

const MOLUSCOS: FoodRule[] = [
  {
    terms: [
      'marisco',
      'molusco',
      'mejillon',
      'almeja',
      'berberecho',
      'ostra',
      'vieira',
      'navaja',
      'calamar',
      'sepia',
      'choco',
      'pulpo',
      'chipiron',
      'puntilla',
      'caracol',
      'zamburina',
      'chirla',
      'coquina',
      'bigaro',
      'pota',
    ],
  },
];

/** Mixed "frutos secos" usually include peanuts, so the phrase counts for both groups. */
const CACAHUETE: FoodRule[] = [{ terms: ['cacahuete', 'cacahuate', 'mani', 'fruto seco'] }];

const FRUTOS_CASCARA: FoodRule[] = [
  {
    terms: [
      'almendra',
      'avellana',
      'anacardo',
      'pistacho',
      'macadamia',
      'pecana',
      'castana de caju',
      'fruto seco',
      'mazapan',
      'turron',
      'praline',
      'nocilla',
      'nutella',
    ],
  },
  { terms: ['nuez'], unlessFollowedBy: ['moscada', 'de coco'] },
];

const SOJA: FoodRule[] = [
  { terms: ['soja', 'soya', 'tofu', 'tempeh', 'edamame', 'miso', 'tamari', 'natto', 'heura'] },
];

const SESAMO: FoodRule[] = [
  { terms: ['sesamo', 'ajonjoli', 'tahini', 'tahin', 'gomasio'] },
  { terms: ['hummus', 'humus'], unlessContains: ['sin tahini', 'sin sesamo'] },
];

const MOSTAZA: FoodRule[] = [{ terms: ['mostaza'] }];
const APIO: FoodRule[] = [{ terms: ['apio', 'apionabo'] }];
const ALTRAMUCES: FoodRule[] = [{ terms: ['altramuz', 'lupino', 'chocho'] }];
const SULFITOS: FoodRule[] = [
  {
    terms: [
      'sulfito',
      'metabisulfito',
      'vino',
      'cava',
      'sidra',
      'cerveza',
      'vinagre',
      'orejon',
      'uva pasa',
      'pasa',
      'fruta desecada',
      'fruta deshidratada',
    ],
    unlessContains: ['sin sulfito'],
  },
];

const MEAT_SUBSTITUTE_QUALIFIERS = [
  'vegetal',
  'vegana',
  'vegano',
  'de soja',
  'de tofu',
  'de seitan',
  'de tempeh',
  'de legumbre',
  'de lenteja',
  'de garbanzo',
  'de heura',
  'de quinoa',
  'de verdura',
  'de champinon',
  'de seta',
];
const FISH_CUT_QUALIFIERS = ['de salmon', 'de atun', 'de bacalao', 'de merluza', 'de rape', 'de emperador'];

const CARNE: FoodRule[] = [
  {
    terms: [
      'pollo',
      'pavo',
      'ternera',
      'vaca',
      'vacuno',
      'cerdo',
      'cordero',
      'conejo',
      'jamon',
      'solomillo',
      'chuleta',
      'pechuga',
      'muslo',
      'contramuslo',
      'higado',
      'pato',
      'perdiz',
      'jabali',
      'venado',
      'ciervo',
      'caballo',
      'cabrito',
      'lechazo',
      'cecina',
      'sobrasada',
      'mortadela',
      'salami',
      'butifarra',
      'embutido',
      'fiambre',
      'bacon',
      'beicon',
      'panceta',
      'tocino',
      'fuet',
      'longaniza',
      'morcilla',
      'salchichon',
      'lacon',
      'cochinillo',
      'chicharron',
      'carrillera',
      'rabo',
      'entrecot',
      'kebab',
      'caldo de hueso',
      'gelatina',
    ],
    unlessFollowedBy: ['vegetal', 'de agar'],
  },
  { terms: ['buey'], unlessFollowedBy: ['de mar'] },
  { terms: ['codorniz'], unlessPrecededBy: ['huevo de'] },
  { terms: ['lomo'], unlessFollowedBy: FISH_CUT_QUALIFIERS },
  {
    terms: ['carne', 'hamburguesa', 'salchicha', 'chorizo', 'albondiga', 'nugget', 'pate'],
    unlessFollowedBy: [...MEAT_SUBSTITUTE_QUALIFIERS, 'de membrillo', 'de aceituna'],
  },
];

const CERDO: FoodRule[] = [
  {
    terms: [
      'cerdo',
      'porcino',
      'bacon',
      'beicon',
      'panceta',
      'pancetta',
      'tocino',
      'salchichon',
      'fuet',
      'longaniza',
      'morcilla',
      'sobrasada',
      'lacon',
      'cochinillo',
      'chicharron',
      'mortadela',
      'salami',
      'butifarra',
      'iberico',
      'iberica',
    ],
  },
  {
    terms: ['jamon', 'chorizo', 'salchicha'],
    unlessFollowedBy: ['de pavo', 'de pollo', ...MEAT_SUBSTITUTE_QUALIFIERS],
  },
  {
    terms: ['lomo'],
    unlessFollowedBy: [...FISH_CUT_QUALIFIERS, 'de pavo', 'de ternera', 'de vaca', 'de buey', 'de cordero'],
  },
  { terms: ['manteca'], unlessFollowedBy: ['de cacao', 'de cacahuete', 'de karite', 'vegetal'] },
  { terms: ['gelatina'], unlessFollowedBy: ['vegetal', 'de agar', 'halal', 'kosher'] },
  { terms: ['pate'], unlessFollowedBy: ['vegetal', 'vegano', 'de aceituna', 'de atun', 'de salmon'] },
];

const MIEL: FoodRule[] = [
  { terms: ['miel'], unlessFollowedBy: ['de cana'] },
  { terms: ['jalea real', 'propoleo'] },
];

const ALCOHOL: FoodRule[] = [
  {
    terms: [
      'vino',
      'cerveza',
      'licor',
      'ron',
      'whisky',
      'vodka',
      'ginebra',
      'sidra',
      'cava',
      'champan',
      'brandy',
      'cognac',
      'vermut',
    ],
    unlessContains: ['sin alcohol', '0 0'],
  },
];

export type RestrictionKind = 'alergia' | 'intolerancia' | 'patron';

export interface FoodGroup {
  readonly id: string;
  /** Spanish name shown to the coach ("leche y derivados"). */
  readonly label: string;
  readonly rules: readonly FoodRule[];
}

export const FOOD_GROUPS = {
  gluten: { id: 'gluten', label: 'cereales con gluten', rules: GLUTEN },
  crustaceos: { id: 'crustaceos', label: 'crustáceos', rules: CRUSTACEOS },
  huevo: { id: 'huevo', label: 'huevo', rules: HUEVO },
  pescado: { id: 'pescado', label: 'pescado', rules: PESCADO },
  cacahuete: { id: 'cacahuete', label: 'cacahuete', rules: CACAHUETE },
  soja: { id: 'soja', label: 'soja', rules: SOJA },
  leche: { id: 'leche', label: 'leche y derivados', rules: LECHE },
  frutos_cascara: { id: 'frutos_cascara', label: 'frutos de cáscara', rules: FRUTOS_CASCARA },
  apio: { id: 'apio', label: 'apio', rules: APIO },
  mostaza: { id: 'mostaza', label: 'mostaza', rules: MOSTAZA },
  sesamo: { id: 'sesamo', label: 'sésamo', rules: SESAMO },
  sulfitos: { id: 'sulfitos', label: 'sulfitos', rules: SULFITOS },
  altramuces: { id: 'altramuces', label: 'altramuces', rules: ALTRAMUCES },
  moluscos: { id: 'moluscos', label: 'moluscos', rules: MOLUSCOS },
  /** Lactose intolerance: dairy, except products labelled lactose-free. */
  lactosa: {
    id: 'lactosa',
    label: 'lácteos con lactosa',
    rules: LECHE.map((rule) => ({ ...rule, unlessContains: ['sin lactosa', '0 lactosa'] })),
  },
  carne: { id: 'carne', label: 'carne', rules: CARNE },
  cerdo: { id: 'cerdo', label: 'cerdo', rules: CERDO },
  miel: { id: 'miel', label: 'miel y productos de abeja', rules: MIEL },
  alcohol: { id: 'alcohol', label: 'alcohol', rules: ALCOHOL },
} as const satisfies Record<string, FoodGroup>;

export type FoodGroupId = keyof typeof FOOD_GROUPS;

/** A client restriction and the food groups it rules out. */
export interface Restriction {
  readonly kind: RestrictionKind;
  /** As declared, for the reason text ("lactosa", "vegano", "Celiaquía"). */
  readonly declared: string;
  readonly groups: readonly FoodGroupId[];
}

const EU14_GROUPS: readonly FoodGroupId[] = ALERGENOS_EU14;

/** Free-text words of imported questionnaires ("Celiaquía", "marisco", "frutos secos") → groups. */
const ALLERGY_KEYWORDS: readonly (readonly [string, readonly FoodGroupId[]])[] = [
  ['celiaquia', ['gluten']],
  ['celiaco', ['gluten']],
  ['celiaca', ['gluten']],
  ['gluten', ['gluten']],
  ['trigo', ['gluten']],
  ['aplv', ['leche']],
  ['proteina de leche', ['leche']],
  ['leche', ['leche']],
  ['lacteo', ['leche']],
  ['caseina', ['leche']],
  ['marisco', ['crustaceos', 'moluscos']],
  ['fruto seco', ['frutos_cascara', 'cacahuete']],
  ['fruto de cascara', ['frutos_cascara']],
  ['frutos cascara', ['frutos_cascara']],
  ['nuez', ['frutos_cascara']],
  ['almendra', ['frutos_cascara']],
  ['avellana', ['frutos_cascara']],
  ['pistacho', ['frutos_cascara']],
  ['anacardo', ['frutos_cascara']],
  ['cacahuete', ['cacahuete']],
  ['mani', ['cacahuete']],
  ['huevo', ['huevo']],
  ['pescado', ['pescado']],
  ['crustaceo', ['crustaceos']],
  ['gamba', ['crustaceos']],
  ['langostino', ['crustaceos']],
  ['molusco', ['moluscos']],
  ['soja', ['soja']],
  ['sesamo', ['sesamo']],
  ['mostaza', ['mostaza']],
  ['apio', ['apio']],
  ['sulfito', ['sulfitos']],
  ['altramuz', ['altramuces']],
];

const INTOLERANCE_KEYWORDS: readonly (readonly [string, readonly FoodGroupId[]])[] = [
  ['lactosa', ['lactosa']],
  ['gluten no celiaca', ['gluten']],
  ['gluten', ['gluten']],
];

const PATTERN_GROUPS: readonly (readonly [string, readonly FoodGroupId[]])[] = [
  ['vegano', ['carne', 'pescado', 'crustaceos', 'moluscos', 'huevo', 'leche', 'miel']],
  ['vegana', ['carne', 'pescado', 'crustaceos', 'moluscos', 'huevo', 'leche', 'miel']],
  ['ovolactovegetariano', ['carne', 'pescado', 'crustaceos', 'moluscos']],
  ['vegetariano', ['carne', 'pescado', 'crustaceos', 'moluscos']],
  ['vegetariana', ['carne', 'pescado', 'crustaceos', 'moluscos']],
  ['pescetariano', ['carne']],
  ['pescatariano', ['carne']],
  ['pescovegetariano', ['carne']],
  ['halal', ['cerdo', 'alcohol']],
  ['kosher', ['cerdo', 'crustaceos', 'moluscos']],
  ['sin cerdo', ['cerdo']],
];
const UNRESTRICTED_PATTERNS = new Set(['', 'omnivoro', 'omnivora', 'flexitariano', 'flexitariana', 'normal']);

/** Restrictions that cannot be checked word by word (FODMAP-type intolerances, "otra"). */
export interface ResolvedRestrictions {
  restrictions: Restriction[];
  /** Declared restrictions the table does not cover: the coach must check the menu by hand. */
  unverifiable: string[];
  /** Kosher also forbids meat with dairy in the same meal. */
  separateMeatAndDairy: boolean;
}

function lookup(
  declared: string,
  table: readonly (readonly [string, readonly FoodGroupId[]])[],
): FoodGroupId[] {
  const words = tokens(declared);
  const groups = new Set<FoodGroupId>();
  for (const [keyword, keywordGroups] of table) {
    if (findTokenRun(words, tokens(keyword)) >= 0) keywordGroups.forEach((group) => groups.add(group));
  }
  return [...groups];
}

function isNone(declared: string): boolean {
  const text = normalizeText(declared);
  return ['', 'no', 'ninguna', 'ninguno', 'nada', 'no tengo', 'ninguna conocida', 'no aplica'].includes(text);
}

/**
 * The client's declared allergies, intolerances and pattern as food groups. Accepts both the
 * typed values of DOMAIN §3 (`frutos_cascara`, `gluten_no_celiaca`, `ovolactovegetariano`) and
 * the original system's free text ("Celiaquía", "intolerante a la lactosa", "vegetariana").
 */
export function resolveRestrictions(input: {
  alergias: readonly string[];
  intolerancias: readonly string[];
  patron_alimentario: string;
}): ResolvedRestrictions {
  const restrictions: Restriction[] = [];
  const unverifiable: string[] = [];
  for (const declared of input.alergias) {
    if (isNone(declared)) continue;
    const id = normalizeText(declared).replace(/ /g, '_');
    const groups = (EU14_GROUPS as readonly string[]).includes(id)
      ? [id as FoodGroupId]
      : lookup(declared, ALLERGY_KEYWORDS);
    if (groups.length > 0) restrictions.push({ kind: 'alergia', declared, groups });
    else unverifiable.push(`alergia «${declared}»`);
  }
  for (const declared of input.intolerancias) {
    if (isNone(declared)) continue;
    const groups = lookup(declared.replace(/_/g, ' '), INTOLERANCE_KEYWORDS);
    if (groups.length > 0) restrictions.push({ kind: 'intolerancia', declared, groups });
    else unverifiable.push(`intolerancia «${declared}»`);
  }
  const pattern = normalizeText(input.patron_alimentario.replace(/_/g, ' '));
  let separateMeatAndDairy = false;
  if (!UNRESTRICTED_PATTERNS.has(pattern)) {
    const groups = lookup(pattern, PATTERN_GROUPS);
    if (groups.length > 0) {
      restrictions.push({ kind: 'patron', declared: input.patron_alimentario, groups });
      separateMeatAndDairy = pattern.includes('kosher');
    } else {
      unverifiable.push(`patrón alimentario «${input.patron_alimentario}»`);
    }
  }
  return { restrictions, unverifiable, separateMeatAndDairy };
}

interface CompiledRule {
  readonly terms: readonly (readonly string[])[];
  readonly unlessFollowedBy: readonly (readonly string[])[];
  readonly unlessPrecededBy: readonly (readonly string[])[];
  readonly unlessContains: readonly (readonly string[])[];
}

const compiled = new Map<FoodGroupId, readonly CompiledRule[]>();

function compile(groupId: FoodGroupId): readonly CompiledRule[] {
  const cached = compiled.get(groupId);
  if (cached) return cached;
  const rules = FOOD_GROUPS[groupId].rules.map((rule: FoodRule) => ({
    terms: rule.terms.map(tokens),
    unlessFollowedBy: (rule.unlessFollowedBy ?? []).map(tokens),
    unlessPrecededBy: (rule.unlessPrecededBy ?? []).map(tokens),
    unlessContains: (rule.unlessContains ?? []).map(tokens),
  }));
  compiled.set(groupId, rules);
  return rules;
}

function startsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return findTokenRun(words.slice(at, at + phrase.length), phrase) === 0;
}

/**
 * The food word of `group` found in an ingredient name, or null. "Leche semidesnatada" → "leche";
 * "Bebida de avena" → null for `leche` and "avena" for `gluten`.
 */
export function findGroupTerm(ingredient: string, group: FoodGroupId): string | null {
  const words = tokens(ingredient);
  for (const rule of compile(group)) {
    if (rule.unlessContains.some((phrase) => findTokenRun(words, phrase) >= 0)) continue;
    for (const term of rule.terms) {
      let at = findTokenRun(words, term);
      while (at >= 0) {
        const end = at + term.length;
        const followed = rule.unlessFollowedBy.some((phrase) => startsAt(words, phrase, end));
        const preceded = rule.unlessPrecededBy.some(
          (phrase) => at - phrase.length >= 0 && startsAt(words, phrase, at - phrase.length),
        );
        if (!followed && !preceded) return term.join(' ');
        at = findTokenRun(words, term, at + 1);
      }
    }
  }
  return null;
}

/** An ingredient of a menu that a client restriction rules out. */
export interface RestrictedIngredient {
  tipo_dia: string;
  /** Meal name ("Desayuno"). */
  comida: string;
  /** Dish name ("Tostadas con tomate"). */
  dish: string;
  /** Ingredient as written by the menu ("pan integral de trigo"). */
  ingredient: string;
  /** The food word that matched ("pan"). */
  term: string;
  /** What it breaks, for the coach: "cereales con gluten (alergia: gluten)". */
  restriction: string;
}

const KIND_LABEL: Record<RestrictionKind, string> = {
  alergia: 'alergia',
  intolerancia: 'intolerancia',
  patron: 'patrón',
};

interface MenuLike {
  menus: readonly {
    tipo_dia: string;
    comidas: readonly {
      nombre: string;
      platos: readonly { nombre: string; ingredientes: readonly { alimento: string }[] }[];
    }[];
  }[];
}

/**
 * Every ingredient of the menus that contains a declared allergen, intolerance or a food the
 * dietary pattern excludes (NUT-14), plus dairy served with meat in one meal for kosher clients.
 * Used by the N8 audit and by N6's repair round, so both see the same list.
 */
export function findRestrictedIngredients(
  menu: MenuLike,
  declared: { alergias: readonly string[]; intolerancias: readonly string[]; patron_alimentario: string },
): RestrictedIngredient[] {
  const { restrictions, separateMeatAndDairy } = resolveRestrictions(declared);
  const hits: RestrictedIngredient[] = [];
  for (const day of menu.menus) {
    for (const meal of day.comidas) {
      const meat: RestrictedIngredient[] = [];
      const dairy: RestrictedIngredient[] = [];
      for (const dish of meal.platos) {
        for (const { alimento } of dish.ingredientes) {
          const at = { tipo_dia: day.tipo_dia, comida: meal.nombre, dish: dish.nombre, ingredient: alimento };
          for (const restriction of restrictions) {
            for (const group of restriction.groups) {
              const term = findGroupTerm(alimento, group);
              if (term === null) continue;
              const label = `${FOOD_GROUPS[group].label} (${KIND_LABEL[restriction.kind]}: ${restriction.declared})`;
              hits.push({ ...at, term, restriction: label });
            }
          }
          if (separateMeatAndDairy) {
            const meatTerm = findGroupTerm(alimento, 'carne');
            const dairyTerm = findGroupTerm(alimento, 'leche');
            const restriction = 'carne y lácteos en la misma comida (patrón: kosher)';
            if (meatTerm) meat.push({ ...at, term: meatTerm, restriction });
            if (dairyTerm) dairy.push({ ...at, term: dairyTerm, restriction });
          }
        }
      }
      if (meat.length > 0 && dairy.length > 0) hits.push(...dairy);
    }
  }
  return hits;
}
