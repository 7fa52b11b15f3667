import { bmi, weightAtBmi } from './body';
import { assertInRange, round } from './common';

/*
 * Macronutrient grams from g/kg and energy shares (N3, docs/DOMAIN.md "Macronutrients"). Sources in docs/SOURCES.md.
 */

/** kcal per gram: protein 4, carbohydrate 4, fat 9, alcohol 7 (Atwater; NUT-11). */
export const KCAL_PER_G = { protein: 4, carbs: 4, fat: 9, alcohol: 7 } as const;

/**
 * Protein g/kg of reference weight:
 *   deficit + resistance-trained → 2.4 (2.3–3.1 to keep lean mass in a deficit) [PRO1][HE]
 *   deficit, untrained → 2.0 (top of ISSN 1.4–2.0) [PRO1]
 *   no deficit, trained → 2.0 (off-season 1.6–2.2) [IR]
 *   no deficit, untrained → 1.6 (ISSN 1.4–2.0; off-season floor 1.6) [PRO1][IR]
 */
export const PROTEIN_G_PER_KG = {
  deficitTrained: 2.4,
  deficitUntrained: 2.0,
  trained: 2.0,
  untrained: 1.6,
} as const;
/** Never prescribe more than 3.1 g/kg (top of the ISSN range, NUT-08 WARN above). [PRO1] */
export const PROTEIN_MAX_G_PER_KG = 3.1;
/** Default fat share 25 % of kcal, inside EFSA 20–35 %. [EF2] */
export const FAT_DEFAULT_PCT = 25;
/** Fat ≥ 20 % of kcal [EF2][FAT] and ≥ 0.5 g/kg [IR] (NUT-09). */
export const FAT_MIN_PCT = 20;
export const FAT_MIN_G_PER_KG = 0.5;
/**
 * Ketogenic pattern: carbohydrate fixed at 30 g/day (common < 50 g/day keto definition — general
 * knowledge, not from the DOMAIN sources); fat takes the remainder (> 35 % is allowed only then).
 */
export const KETO_CARBS_G = 30;
/**
 * Obese clients (BMI ≥ 30): g/kg are applied to an adjusted weight, not the actual one, because on
 * actual weight the targets become absurd (docs/DOMAIN.md "Macronutrients"). Heuristic used here:
 * adjusted = W(BMI 25) + 0.25 · (actual − W(BMI 25)), i.e. the weight at the top of the normal
 * BMI band plus a quarter of the excess (the excess is mostly fat mass, which needs little protein).
 */
export const ADJUSTED_WEIGHT_BMI_THRESHOLD = 30;
export const ADJUSTED_WEIGHT_REFERENCE_BMI = 25;
export const ADJUSTED_WEIGHT_EXCESS_FACTOR = 0.25;

export function macroKcal(proteinG: number, carbsG: number, fatG: number, alcoholG = 0): number {
  return (
    KCAL_PER_G.protein * proteinG +
    KCAL_PER_G.carbs * carbsG +
    KCAL_PER_G.fat * fatG +
    KCAL_PER_G.alcohol * alcoholG
  );
}

export interface MacroGrams {
  proteina_g: number;
  carbohidratos_g: number;
  grasa_g: number;
  alcohol_g?: number;
}

/** |4P + 4C + 9F + 7A − kcal| / kcal (NUT-11 requires ≤ 3 %). */
export function macroConsistency(kcal: number, grams: MacroGrams): number {
  if (!Number.isFinite(kcal) || kcal <= 0) throw new RangeError(`kcal inválidas: ${kcal}`);
  const sum = macroKcal(grams.proteina_g, grams.carbohidratos_g, grams.grasa_g, grams.alcohol_g ?? 0);
  return Math.abs(sum - kcal) / kcal;
}

export interface ReferenceWeight {
  kg: number;
  kind: 'real' | 'ajustado';
}

/** Weight the g/kg rules apply to: actual, or adjusted for BMI ≥ 30 (heuristic above). */
export function proteinReferenceWeight(weightKg: number, heightCm?: number | null): ReferenceWeight {
  assertInRange('peso_kg', weightKg, 20, 400);
  if (heightCm == null || bmi(weightKg, heightCm) < ADJUSTED_WEIGHT_BMI_THRESHOLD)
    return { kg: weightKg, kind: 'real' };
  const base = weightAtBmi(ADJUSTED_WEIGHT_REFERENCE_BMI, heightCm);
  return { kg: round(base + ADJUSTED_WEIGHT_EXCESS_FACTOR * (weightKg - base), 1), kind: 'ajustado' };
}

export interface MacroTargetsInput {
  kcal: number;
  weightKg: number;
  /** Enables the adjusted weight for obese clients. */
  heightCm?: number | null;
  goal: string;
  /** Resistance-trained (not a beginner). */
  trained: boolean;
  /** The day's energy comes from a deficit policy. */
  deficit: boolean;
  ketogenic?: boolean;
}

export interface MacroPart {
  g: number;
  kcal: number;
  /** Share of the day's kcal, % (1 decimal). */
  pct: number;
  /** g per kg of actual body weight (2 decimals). */
  gPerKg: number;
}

export interface MacroTargets {
  /** The stored day shape (`MacroDaySchema`): kcal target and integer grams. */
  day: { kcal: number; proteina_g: number; grasa_g: number; carbohidratos_g: number };
  protein: MacroPart;
  fat: MacroPart;
  carbs: MacroPart;
  /** Protein g per kg of actual body weight (what NUT-08 recomputes from peso_kg). */
  proteinPerKg: number;
  /** The g/kg rule applied to the reference weight. */
  proteinPerReferenceKg: number;
  fatPct: number;
  referenceWeight: ReferenceWeight;
  /** |macro kcal − kcal| / kcal (≤ 0.3 % by construction). */
  consistencyError: number;
  avisos: string[];
}

function proteinRule(trained: boolean, deficit: boolean): number {
  if (deficit) return trained ? PROTEIN_G_PER_KG.deficitTrained : PROTEIN_G_PER_KG.deficitUntrained;
  return trained ? PROTEIN_G_PER_KG.trained : PROTEIN_G_PER_KG.untrained;
}

/**
 * Protein from g/kg, fat from its share (with floors), carbohydrate the remainder (≥ 0).
 * If the kcal cannot hold the protein target plus the minimum fat, fat drops to its minimum,
 * carbohydrate to 0, and protein to what fits — with a warning in `avisos`.
 */
export function macroTargets(input: MacroTargetsInput): MacroTargets {
  const { kcal, weightKg } = input;
  assertInRange('kcal', kcal, 500, 10_000);
  const ref = proteinReferenceWeight(weightKg, input.heightCm);
  const avisos: string[] = [];
  if (ref.kind === 'ajustado') {
    avisos.push(
      `IMC ≥ ${ADJUSTED_WEIGHT_BMI_THRESHOLD}: proteína y grasa mínima calculadas sobre un peso ajustado de ${ref.kg} kg.`,
    );
  }

  const perRefKg = Math.min(proteinRule(input.trained, input.deficit), PROTEIN_MAX_G_PER_KG);
  let proteinG = Math.round(perRefKg * ref.kg);
  const minFatG = Math.ceil(
    Math.max((FAT_MIN_PCT / 100) * kcal, FAT_MIN_G_PER_KG * ref.kg * KCAL_PER_G.fat) / KCAL_PER_G.fat,
  );
  let fatG: number;
  let carbsG: number;

  if (input.ketogenic) {
    carbsG = KETO_CARBS_G;
    fatG = Math.floor((kcal - KCAL_PER_G.protein * proteinG - KCAL_PER_G.carbs * carbsG) / KCAL_PER_G.fat);
  } else {
    fatG = Math.max(minFatG, Math.round(((FAT_DEFAULT_PCT / 100) * kcal) / KCAL_PER_G.fat));
    carbsG = Math.round((kcal - KCAL_PER_G.protein * proteinG - KCAL_PER_G.fat * fatG) / KCAL_PER_G.carbs);
  }

  if (fatG < minFatG || carbsG < 0) {
    fatG = minFatG;
    carbsG = Math.max(
      0,
      Math.round((kcal - KCAL_PER_G.protein * proteinG - KCAL_PER_G.fat * fatG) / KCAL_PER_G.carbs),
    );
    if (input.ketogenic) carbsG = Math.min(carbsG, KETO_CARBS_G);
    const room = kcal - KCAL_PER_G.fat * fatG - KCAL_PER_G.carbs * carbsG;
    if (KCAL_PER_G.protein * proteinG > room) {
      proteinG = Math.max(0, Math.floor(room / KCAL_PER_G.protein));
      avisos.push(
        `Las ${kcal} kcal no alcanzan para ${round(perRefKg, 1)} g/kg de proteína con la grasa mínima: proteína reducida a ${proteinG} g.`,
      );
    }
    if (input.ketogenic) {
      fatG = Math.max(
        fatG,
        Math.floor((kcal - KCAL_PER_G.protein * proteinG - KCAL_PER_G.carbs * carbsG) / KCAL_PER_G.fat),
      );
    } else {
      // Floor, not round: the reduced day must not exceed its kcal.
      carbsG = Math.max(
        0,
        Math.floor((kcal - KCAL_PER_G.protein * proteinG - KCAL_PER_G.fat * fatG) / KCAL_PER_G.carbs),
      );
    }
  }

  const part = (g: number, perG: number): MacroPart => ({
    g,
    kcal: g * perG,
    pct: round(((g * perG) / kcal) * 100, 1),
    gPerKg: round(g / weightKg, 2),
  });
  const protein = part(proteinG, KCAL_PER_G.protein);
  const fat = part(fatG, KCAL_PER_G.fat);
  const carbs = part(carbsG, KCAL_PER_G.carbs);
  const day = { kcal, proteina_g: proteinG, grasa_g: fatG, carbohidratos_g: carbsG };
  return {
    day,
    protein,
    fat,
    carbs,
    proteinPerKg: protein.gPerKg,
    proteinPerReferenceKg: round(proteinG / ref.kg, 2),
    fatPct: fat.pct,
    referenceWeight: ref,
    consistencyError: macroConsistency(kcal, day),
    avisos,
  };
}
