import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FOOD_CATEGORIES,
  FOOD_GROUP_IDS,
  FOOD_IDS,
  FOODS,
  FoodSchema,
  ENERGY_FACTORS,
  ENERGY_TOLERANCE,
  energyProblem,
  massProblem,
  findFoodsInText,
  foodById,
  foodName,
  nutrientsFor,
  parseFoodTable,
  roundNutrients,
  sumNutrients,
} from '@shared/foods';
import foodGroupsJson from '../../../resources/lexicons/food-groups.json';
import tableJson from '../../../resources/foods/food-table.json';

const COMPILER = fileURLToPath(new URL('../../../scripts/build-food-table.mjs', import.meta.url));
const CSV = fileURLToPath(new URL('../../../resources/foods/foods.csv', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'food-table-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compile(...args: string[]) {
  return spawnSync(process.execPath, [COMPILER, ...args], { encoding: 'utf8' });
}

const ids = (text: string) => findFoodsInText(text).map((f) => f.id);

describe('compiled table', () => {
  it('is exactly what the compiler makes of the CSV', () => {
    const run = compile('--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('compiles byte-identically twice', () => {
    const a = join(scratch, 'a.json');
    const b = join(scratch, 'b.json');
    expect(compile('--out', a).status).toBe(0);
    expect(compile('--out', b).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('is sorted by id, and FOOD_IDS works as a zod enum', () => {
    const sorted = [...FOOD_IDS].sort();
    expect(FOODS.map((f) => f.id)).toEqual(sorted);
    const FoodId = z.enum(FOOD_IDS);
    expect(FoodId.safeParse('kiwi').success).toBe(true);
    expect(FoodId.safeParse('kiwi_azul').success).toBe(false);
  });

  it('names its sources', () => {
    const databases = new Set(FOODS.map((f) => f.source.database));
    for (const db of databases) expect(tableJson.sources.map((s) => s.database)).toContain(db);
    for (const f of FOODS) expect(f.source.description.length).toBeGreaterThan(0);
  });
});

describe('energy check', () => {
  it('is the same check in the compiler (a standalone Node script) and in the app', async () => {
    // The compiler runs with plain Node before any build, so it keeps its own copy of the check;
    // this proves the two agree, so a factor changed in one place and not the other fails here.
    const compiler = (await import(COMPILER)) as {
      ENERGY_FACTORS: Record<string, number>;
      ENERGY_TOLERANCE: { kcal: number; fraction: number };
      energyProblem(n: unknown): string | null;
      massProblem(n: unknown): string | null;
    };
    expect(compiler.ENERGY_FACTORS).toEqual({ ...ENERGY_FACTORS });
    expect(compiler.ENERGY_TOLERANCE).toEqual({ ...ENERGY_TOLERANCE });
    const rows = tableJson.foods.map((food) => food.per100g);
    const shifted = rows.flatMap((n) => [
      n,
      { ...n, grasa_g: n.grasa_g * 10 },
      { ...n, kcal: n.kcal * 1.2 },
      { ...n, proteina_g: n.proteina_g + 60 },
    ]);
    for (const n of shifted) {
      expect(compiler.energyProblem(n)).toBe(energyProblem(n));
      expect(compiler.massProblem(n)).toBe(massProblem(n));
    }
  });

  // Raw chicken breast with the fat typed a decimal place off: 26.2 g instead of 2.62 g.
  const slip = { kcal: 120, proteina_g: 22.5, carbohidratos_g: 0, grasa_g: 26.2, fibra_g: 0, alcohol_g: 0 };

  it('flags a transcription slip and passes the true row', () => {
    expect(energyProblem(slip)).toMatch(/difference 205\.8/);
    expect(energyProblem({ ...slip, grasa_g: 2.62 })).toBeNull();
  });

  it('is enforced by the schema at load', () => {
    const good = foodById('pollo_pechuga_cruda')!;
    const bad = { ...good, per100g: { ...good.per100g, grasa_g: 26.2 } };
    expect(FoodSchema.safeParse(good).success).toBe(true);
    const result = FoodSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/pollo_pechuga_cruda: energy 120 kcal/);
    expect(() => parseFoodTable({ ...tableJson, foods: [bad] })).toThrow(/pollo_pechuga_cruda/);
  });

  it('fails the build naming the row and the difference', () => {
    const lines = readFileSync(CSV, 'utf8').split('\n');
    const row = lines.find((l) => l.startsWith('pollo_pechuga_cruda,'))!;
    const broken = row.replace(',2.62,0,0,0,USDA', ',26.2,0,0,0,USDA');
    expect(broken).not.toBe(row);
    const csv = join(scratch, 'broken.csv');
    const out = join(scratch, 'broken.json');
    writeFileSync(csv, `${lines[0]}\n${broken}\n`);
    const run = compile('--csv', csv, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 2 \(pollo_pechuga_cruda\): energy 120 kcal .*difference 205\.8/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects unknown groups and upper-case synonyms', () => {
    const kiwi = foodById('kiwi')!;
    expect(FoodSchema.safeParse({ ...kiwi, groups: ['gluten', 'marisco'] }).success).toBe(false);
    expect(FoodSchema.safeParse({ ...kiwi, synonyms: { es: ['Kiwi'], en: [] } }).success).toBe(false);
  });
});

describe('groups and categories', () => {
  const lexiconGroups = Object.keys(foodGroupsJson.groups);

  it('uses only the lexicon groups, and each of the 19 has a food', () => {
    expect(FOOD_GROUP_IDS).toEqual(lexiconGroups);
    expect(lexiconGroups).toHaveLength(19);
    for (const f of FOODS) for (const g of f.groups) expect(lexiconGroups).toContain(g);
    for (const g of lexiconGroups) {
      expect(
        FOODS.some((f) => f.groups.includes(g)),
        g,
      ).toBe(true);
    }
  });

  it('has foods in every category', () => {
    for (const c of FOOD_CATEGORIES)
      expect(FOODS.filter((f) => f.category === c).length, c).toBeGreaterThan(0);
  });

  it('tags pork as meat and lactose-free milk as milk without lactose', () => {
    for (const f of FOODS.filter((x) => x.groups.includes('cerdo')))
      expect(f.groups, f.id).toContain('carne');
    for (const f of FOODS.filter((x) => x.groups.includes('lactosa')))
      expect(f.groups, f.id).toContain('leche');
    expect(foodById('leche_sin_lactosa')!.groups).toEqual(['leche']);
    expect(foodById('copos_avena')!.groups).toContain('gluten');
    expect(foodById('hummus')!.groups).toContain('sesamo');
    expect(foodById('vino_tinto')!.groups).toEqual(expect.arrayContaining(['sulfitos', 'alcohol']));
  });
});

describe('menu arithmetic', () => {
  it('totals a day of known foods to hand-computed values', () => {
    // Per 100 g, as transcribed (USDA rice carbohydrate 79.95 by difference minus 1.3 fibre = 78.65).
    const chicken = { kcal: 120, proteina_g: 22.5, carbohidratos_g: 0, grasa_g: 2.62, fibra_g: 0 };
    const rice = { kcal: 365, proteina_g: 7.13, carbohidratos_g: 78.65, grasa_g: 0.66, fibra_g: 1.3 };
    const oil = { kcal: 900, proteina_g: 0, carbohidratos_g: 0, grasa_g: 100, fibra_g: 0 };
    expect(foodById('pollo_pechuga_cruda')!.per100g).toMatchObject(chicken);
    expect(foodById('arroz_blanco_crudo')!.per100g).toMatchObject(rice);
    expect(foodById('aceite_oliva_virgen_extra')!.per100g).toMatchObject(oil);

    const day = sumNutrients([
      nutrientsFor(foodById('pollo_pechuga_cruda')!, 150),
      nutrientsFor(foodById('arroz_blanco_crudo')!, 80),
      nutrientsFor(foodById('aceite_oliva_virgen_extra')!, 10),
    ]);
    // 150 g chicken: 180 kcal, 33.75 P, 3.93 F. 80 g rice: 292 kcal, 5.704 P, 62.92 C, 0.528 F, 1.04 fibre.
    // 10 g oil: 90 kcal, 10 F.
    expect(day.kcal).toBeCloseTo(562, 9);
    expect(day.proteina_g).toBeCloseTo(39.454, 9);
    expect(roundNutrients(day)).toEqual({
      kcal: 562,
      proteina_g: 39.5,
      carbohidratos_g: 62.9,
      grasa_g: 14.5,
      fibra_g: 1,
    });
  });

  it('sums nothing to zero and refuses a negative weight', () => {
    expect(sumNutrients([])).toEqual({ kcal: 0, proteina_g: 0, carbohidratos_g: 0, grasa_g: 0, fibra_g: 0 });
    expect(() => nutrientsFor(foodById('kiwi')!, -5)).toThrow(RangeError);
  });

  it('names foods, falling back to the id', () => {
    expect(foodName('kiwi', 'es')).toBe('Kiwi verde');
    expect(foodName('platano', 'en')).toBe('Banana');
    expect(foodName('no_such_food', 'es')).toBe('no_such_food');
  });
});

describe('findFoodsInText', () => {
  it('finds foods in Spanish and English phrasings', () => {
    expect(ids('Nada, solo que el kiwi me pica')).toEqual(['kiwi']);
    expect(ids('ALERGIA A LAS NUECES')).toEqual(['nueces']);
    expect(ids("I can't have shrimp")).toEqual(['gambas_crudas']);
    expect(ids('me sientan mal los garbanzos')).toEqual([
      'garbanzos_cocidos',
      'garbanzos_conserva',
      'garbanzos_crudos',
    ]);
    expect(ids('No soporto los CHAMPIÑONES ni el brócoli')).toEqual(['champinones', 'brocoli']);
    expect(ids('allergic to peanuts and strawberries')).toEqual(['cacahuetes', 'fresas']);
    expect(ids('Desayuno copos de avena con leche de almendras')).toEqual([
      'copos_avena',
      'bebida_almendras',
    ]);
    expect(ids('pechugas de pollo a la plancha')).toEqual(['pollo_pechuga_asada']);
  });

  it('matches whole words only', () => {
    expect(ids('me encanta la panceta')).toEqual(['panceta_cruda']);
    expect(ids('pan con tomate')).toEqual(['pan_blanco', 'tomate']);
    expect(ids('una manzanilla por la noche')).toEqual([]);
    expect(ids('me pasa algo con el estómago')).toEqual([]);
    expect(ids('')).toEqual([]);
  });
});

describe('values match the databases', () => {
  const per = (id: string) => foodById(id)!.per100g;

  it('spot values', () => {
    expect(per('pollo_pechuga_cruda').kcal).toBeGreaterThanOrEqual(110);
    expect(per('pollo_pechuga_cruda').kcal).toBeLessThanOrEqual(120);
    expect(per('pollo_pechuga_cruda').proteina_g).toBeGreaterThanOrEqual(22);
    expect(per('pollo_pechuga_cruda').proteina_g).toBeLessThanOrEqual(23.5);
    expect(per('aceite_oliva_virgen_extra').kcal).toBeGreaterThanOrEqual(884);
    expect(per('aceite_oliva_virgen_extra').kcal).toBeLessThanOrEqual(900);
    expect(per('arroz_blanco_crudo').kcal).toBeGreaterThanOrEqual(350);
    expect(per('arroz_blanco_crudo').kcal).toBeLessThanOrEqual(365);
    expect(per('arroz_blanco_cocido').kcal).toBeLessThan(140);
    expect(per('huevo_crudo').proteina_g).toBeCloseTo(12.56, 2);
    expect(per('lentejas_crudas').proteina_g).toBeCloseTo(24.63, 2);
    expect(per('vino_tinto').alcohol_g).toBeCloseTo(10.6, 1);
  });

  it('keeps cooked foods lighter than their raw or dry form', () => {
    const pairs = [
      ['arroz_blanco_crudo', 'arroz_blanco_cocido'],
      ['pasta_cruda', 'pasta_cocida'],
      ['garbanzos_crudos', 'garbanzos_cocidos'],
      ['lentejas_crudas', 'lentejas_cocidas'],
      ['quinoa_cruda', 'quinoa_cocida'],
    ] as const;
    for (const [dry, cooked] of pairs) expect(per(cooked).kcal, cooked).toBeLessThan(per(dry).kcal / 2);
  });
});
