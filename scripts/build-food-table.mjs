// Compiles resources/foods/foods.csv (rows transcribed by hand from food-composition databases)
// into resources/foods/food-table.json, the table the app computes menu totals from.
//
//   node scripts/build-food-table.mjs            write the JSON
//   node scripts/build-food-table.mjs --check    exit 1 if the JSON on disk is not what the CSV compiles to
//   --csv <file> / --out <file>                  other paths (tests compile deliberately broken rows)
//
// Every row is checked before anything is written; one bad row fails the build and is named with
// its line. The energy check is the guard against transcription slips (a protein value typed in
// the fat column, a digit dropped): a row that fails it must be fixed, never the tolerance widened.
// src/shared/foods/food-table.ts repeats these checks when the app loads the JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CSV = join(root, 'resources/foods/foods.csv');
const DEFAULT_OUT = join(root, 'resources/foods/food-table.json');
const LEXICON = join(root, 'resources/lexicons/food-groups.json');

export const COLUMNS = [
  'id',
  'name_es',
  'name_en',
  'category',
  'groups',
  'synonyms_es',
  'synonyms_en',
  'kcal',
  'proteina_g',
  'carbohidratos_g',
  'carb_basis',
  'grasa_g',
  'fibra_g',
  'alcohol_g',
  'acidos_organicos_g',
  'source_database',
  'source_description',
  'source_code',
  'note',
];

export const CATEGORIES = [
  'proteina_animal',
  'pescado_marisco',
  'huevo',
  'lacteo',
  'proteina_vegetal',
  'legumbre',
  'cereal',
  'tuberculo',
  'verdura',
  'fruta',
  'fruto_seco_semilla',
  'grasa',
  'condimento',
  'bebida',
  'dulce',
];

/** Atwater general factors, kcal per g; organic acids at the EU value (Regulation (EU) 1169/2011 Annex XIV). */
export const ENERGY_FACTORS = {
  proteina_g: 4,
  carbohidratos_g: 4,
  grasa_g: 9,
  fibra_g: 2,
  alcohol_g: 7,
  acidos_organicos_g: 3,
};
/** Databases compute energy with their own (specific) factors; beyond this gap a row is a slip. */
export const ENERGY_TOLERANCE = { kcal: 12, fraction: 0.08 };
/** Grams per 100 g may exceed 100 only by rounding in the source. */
export const MASS_TOLERANCE_G = 1;

export const SOURCES = [
  {
    database: 'BEDCA',
    publisher:
      'Red BEDCA, Spanish Food Composition Database Network (AESAN, Ministerio de Ciencia e Innovación)',
    url: 'https://www.bedca.net/bdpub/',
    terms: 'Publicly consultable; cite BEDCA as the source. Check the site conditions before redistributing.',
  },
  {
    database: 'CIQUAL',
    publisher: 'ANSES, French Agency for Food, Environmental and Occupational Health & Safety',
    url: 'https://ciqual.anses.fr/',
    terms:
      "Open data (Licence Ouverte / Etalab on data.gouv.fr); reuse must cite the source: 'Anses. Ciqual French food composition table.'",
  },
  {
    database: 'USDA FDC SR Legacy',
    publisher: 'U.S. Department of Agriculture, Agricultural Research Service',
    url: 'https://fdc.nal.usda.gov/',
    terms:
      'Public domain (CC0 1.0). Suggested citation: U.S. Department of Agriculture, Agricultural Research Service. FoodData Central.',
  },
  {
    database: 'USDA FDC Foundation',
    publisher: 'U.S. Department of Agriculture, Agricultural Research Service',
    url: 'https://fdc.nal.usda.gov/',
    terms:
      'Public domain (CC0 1.0). Suggested citation: U.S. Department of Agriculture, Agricultural Research Service. FoodData Central.',
  },
];

const ID = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const NUMBER = /^\d+(\.\d+)?$/;
const NUTRIENTS = [
  'kcal',
  'proteina_g',
  'carbohidratos_g',
  'grasa_g',
  'fibra_g',
  'alcohol_g',
  'acidos_organicos_g',
];

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const round2 = (x) => Math.round(x * 100) / 100;

/** kcal the stated composition implies, for the energy check. */
export function atwaterKcal(n) {
  return Object.entries(ENERGY_FACTORS).reduce((sum, [key, factor]) => sum + factor * n[key], 0);
}

/** Why the stated energy cannot be right, or null. */
export function energyProblem(n) {
  const computed = atwaterKcal(n);
  const allowed = Math.max(ENERGY_TOLERANCE.kcal, ENERGY_TOLERANCE.fraction * n.kcal);
  const diff = computed - n.kcal;
  if (Math.abs(diff) <= allowed) return null;
  return `energy ${n.kcal} kcal but the composition gives ${computed.toFixed(1)} kcal (difference ${diff.toFixed(1)}, allowed ±${allowed.toFixed(1)})`;
}

/** Why the grams cannot fit in 100 g, or null. */
export function massProblem(n) {
  const total = n.proteina_g + n.carbohidratos_g + n.grasa_g + n.fibra_g + n.alcohol_g + n.acidos_organicos_g;
  return total > 100 + MASS_TOLERANCE_G ? `nutrients add up to ${total.toFixed(1)} g per 100 g` : null;
}

function splitList(value) {
  return value === '' ? [] : value.split('|').map((s) => s.trim());
}

function checkPhrases(list, what, problems) {
  const seen = new Set();
  for (const s of list) {
    if (s === '' || s !== s.toLowerCase() || /\s{2,}/.test(s))
      problems.push(`${what} "${s}" must be lower case, single-spaced, non-empty`);
    if (seen.has(s)) problems.push(`${what} "${s}" is listed twice`);
    seen.add(s);
  }
}

/** One CSV record to one food, or the reasons it cannot be one. */
export function compileRow(record, groupIds) {
  const problems = [];
  const text = (key) => (record[key] ?? '').trim();
  const id = text('id');
  if (!ID.test(id)) problems.push(`id "${id}" must match ${ID}`);
  for (const key of ['name_es', 'name_en', 'source_description']) {
    if (text(key) === '') problems.push(`${key} is empty`);
  }
  const category = text('category');
  if (!CATEGORIES.includes(category))
    problems.push(`category "${category}" is not one of ${CATEGORIES.join(', ')}`);
  const groups = splitList(text('groups'));
  for (const g of groups) {
    if (!groupIds.includes(g))
      problems.push(`group "${g}" is not a key of resources/lexicons/food-groups.json`);
  }
  if (new Set(groups).size !== groups.length) problems.push('a group is listed twice');
  const synonyms = { es: splitList(text('synonyms_es')), en: splitList(text('synonyms_en')) };
  checkPhrases(synonyms.es, 'synonym_es', problems);
  checkPhrases(synonyms.en, 'synonym_en', problems);
  const database = text('source_database');
  if (!SOURCES.some((s) => s.database === database)) {
    problems.push(`source_database "${database}" is not one of ${SOURCES.map((s) => s.database).join(', ')}`);
  }

  const n = {};
  for (const key of NUTRIENTS) {
    const raw = text(key);
    if (!NUMBER.test(raw)) problems.push(`${key} "${raw}" is not a number ≥ 0`);
    n[key] = Number(raw);
  }
  // USDA's "carbohydrate, by difference" includes fibre; the table holds available carbohydrate
  // (EU labelling, BEDCA, Ciqual) so that fibre is counted once, at 2 kcal/g.
  const basis = text('carb_basis');
  if (basis === 'by_difference') {
    const available = n.carbohidratos_g - n.fibra_g;
    if (available < -0.05)
      problems.push(`carbohydrate by difference ${n.carbohidratos_g} g is below fibre ${n.fibra_g} g`);
    n.carbohidratos_g = round2(Math.max(0, available));
  } else if (basis !== 'available') {
    problems.push(`carb_basis "${basis}" must be "available" or "by_difference"`);
  }
  if (problems.length === 0) {
    for (const p of [energyProblem(n), massProblem(n)]) if (p) problems.push(p);
  }
  const food = {
    id,
    name: { es: text('name_es'), en: text('name_en') },
    synonyms,
    category,
    per100g: n,
    groups,
    source: { database, description: text('source_description'), code: text('source_code') || null },
    note: text('note') || null,
  };
  return { food, problems };
}

export function lexiconGroupIds(lexiconText) {
  return Object.keys(JSON.parse(lexiconText).groups);
}

/** The whole table from the CSV text, or every problem found (each naming its line and row). */
export function compileFoods(csvText, groupIds) {
  const [header, ...records] = parseCsv(csvText).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  const errors = [];
  if (!header || header.join(',') !== COLUMNS.join(',')) {
    return { table: null, errors: [`header must be: ${COLUMNS.join(',')}`] };
  }
  const foods = [];
  const seen = new Map();
  records.forEach((cells, index) => {
    const line = index + 2;
    const where = `line ${line} (${cells[0] || 'no id'})`;
    if (cells.length !== COLUMNS.length) {
      errors.push(`${where}: ${cells.length} fields, expected ${COLUMNS.length}`);
      return;
    }
    const record = Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]]));
    const { food, problems } = compileRow(record, groupIds);
    if (seen.has(food.id)) problems.push(`id "${food.id}" already used on line ${seen.get(food.id)}`);
    seen.set(food.id, line);
    for (const p of problems) errors.push(`${where}: ${p}`);
    foods.push(food);
  });
  if (errors.length > 0) return { table: null, errors };
  foods.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const table = {
    description:
      'Food composition per 100 g edible portion, compiled by scripts/build-food-table.mjs from resources/foods/foods.csv (see resources/foods/README.md). Do not edit by hand.',
    conventions: {
      per: '100 g edible portion, in the state the name says (raw, cooked, dry, drained)',
      carbohidratos_g: 'available carbohydrate, fibre excluded',
      energy_factors_kcal_per_g: ENERGY_FACTORS,
    },
    sources: SOURCES,
    foods,
  };
  return { table, errors: [] };
}

/** The JSON text, byte-identical for identical input. */
export function serialise(table) {
  return `${JSON.stringify(table, null, 2)}\n`;
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const csvPath = resolve(arg('--csv') ?? DEFAULT_CSV);
  const outPath = resolve(arg('--out') ?? DEFAULT_OUT);
  const { table, errors } = compileFoods(
    readFileSync(csvPath, 'utf8'),
    lexiconGroupIds(readFileSync(LEXICON, 'utf8')),
  );
  if (!table) {
    console.error(`${csvPath}: ${errors.length} problem(s)\n${errors.map((e) => `  ${e}`).join('\n')}`);
    return 1;
  }
  const json = serialise(table);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {
      // A missing file is reported like a stale one.
    }
    if (current !== json) {
      console.error(`${outPath} is not what ${csvPath} compiles to: run npm run foods:build`);
      return 1;
    }
    console.log(`${outPath}: up to date (${table.foods.length} foods)`);
    return 0;
  }
  writeFileSync(outPath, json);
  console.log(`${outPath}: ${table.foods.length} foods`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
