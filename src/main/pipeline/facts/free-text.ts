/**
 * Interprets the original system's free-text answers ("Sí, 3 años", "4-5 días", "Rodilla derecha")
 * where code can do it reliably (DOMAIN §3: "by code where it can parse them, by E1/N0 otherwise").
 * Every function returns null when it cannot tell, so the caller falls back to a safe default and
 * the text still reaches E1/N0 verbatim.
 */

export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

const NEGATIVE = /^(no\b|nada|ninguna?o?s?\b|nunca|-|n\/a|sin\b)/;

/** "No", "ninguna", "nada" and empty answers mean "none". */
export function isNegativeAnswer(text: string | null | undefined): boolean {
  if (!text) return true;
  const t = normalizeText(text);
  return t === '' || NEGATIVE.test(t);
}

export function isAffirmative(text: string | null | undefined): boolean {
  if (!text) return false;
  return /^(si|sí|yes|s\b|y\b)/.test(normalizeText(text));
}

/** "3-4" → 3, "4 días" → 4, "de 3 a 5" → 3 (the conservative end), within 1–7. */
export function parseDaysPerWeek(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = /(\d+)/.exec(normalizeText(text));
  if (!match?.[1]) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= 7 ? days : null;
}

/** "60 min", "1 hora", "hora y media", "45" → minutes within 20–180. */
export function parseSessionMinutes(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = normalizeText(text);
  if (/hora y media/.test(t)) return 90;
  const hours = /(\d+(?:[.,]\d+)?)\s*h/.exec(t);
  if (hours?.[1]) return clampMinutes(Number(hours[1].replace(',', '.')) * 60);
  if (/\buna hora\b/.test(t)) return 60;
  const minutes = /(\d+)/.exec(t);
  return minutes?.[1] ? clampMinutes(Number(minutes[1])) : null;
}

function clampMinutes(value: number): number | null {
  return Number.isFinite(value) && value >= 20 && value <= 180 ? Math.round(value) : null;
}

/** "Sí, 3 años" → 3; "6 meses" → 0.5; "No" → 0. */
export function parseYearsTraining(text: string | null | undefined): number | null {
  if (!text) return null;
  if (isNegativeAnswer(text)) return 0;
  const t = normalizeText(text);
  const years = /(\d+(?:[.,]\d+)?)\s*an/.exec(t);
  if (years?.[1]) return Number(years[1].replace(',', '.'));
  const months = /(\d+)\s*mes/.exec(t);
  if (months?.[1]) return Number(months[1]) / 12;
  return null;
}

const GOAL_KEYWORDS: Array<[RegExp, string]> = [
  [/recompos/, 'recomposicion'],
  [/(perder|bajar|quemar|adelgaz|definir|grasa|peso)/, 'perder_grasa'],
  [/(ganar|aumentar|masa|musculo|volumen|hipertrofia)/, 'ganar_musculo'],
  [/fuerza/, 'fuerza'],
  [/(rendimiento|competi|carrera|maraton|deporte)/, 'rendimiento'],
  [/manten/, 'mantenimiento'],
  [/salud/, 'salud'],
];

/** "Perder grasa y ganar fuerza" → perder_grasa (the first recognised intent wins). */
export function parseGoal(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = normalizeText(text);
  for (const [pattern, goal] of GOAL_KEYWORDS) if (pattern.test(t)) return goal;
  return null;
}

const BODY_ZONES: Array<[RegExp, string]> = [
  [/rodill|menisco|ligamento cruzado|rotul/, 'rodilla'],
  [/lumbar|espalda baja|ciatic|hernia|protusi/, 'lumbar'],
  [/hombro|manguito|supraespin/, 'hombro'],
  [/muneca|carpian/, 'muñeca'],
  [/codo|epicondil/, 'codo'],
  [/tobillo|esguince/, 'tobillo'],
  [/cadera/, 'cadera'],
  [/cervical|cuello/, 'cervical'],
  [/espalda|dorsal/, 'espalda'],
];

/** The body zones a free-text injury answer mentions ("Molestia en rodilla derecha" → rodilla). */
export function parseInjuryZones(text: string | null | undefined): string[] {
  if (!text || isNegativeAnswer(text)) return [];
  const t = normalizeText(text);
  return BODY_ZONES.filter(([pattern]) => pattern.test(t)).map(([, zone]) => zone);
}

const ALLERGEN_KEYWORDS: Array<[RegExp, string]> = [
  [/celiac|gluten/, 'gluten'],
  [/marisco|crustace|gamba|langost/, 'crustaceos'],
  [/huevo/, 'huevo'],
  [/pescado/, 'pescado'],
  [/cacahuet|mani\b/, 'cacahuete'],
  [/soja/, 'soja'],
  [/proteina de (la )?leche|alergia a la leche|caseina/, 'leche'],
  [/frutos secos|nuec|almendr|avellan|anacard|pistach/, 'frutos_cascara'],
  [/apio/, 'apio'],
  [/mostaza/, 'mostaza'],
  [/sesamo/, 'sesamo'],
  [/sulfito/, 'sulfitos'],
  [/altramu/, 'altramuces'],
  [/molusco|mejill|almeja|calamar|pulpo/, 'moluscos'],
];

/** EU-14 allergen ids mentioned in a free-text answer ("Celíaca, alergia al marisco"). */
export function parseAllergens(text: string | null | undefined): string[] {
  if (!text || isNegativeAnswer(text)) return [];
  const t = normalizeText(text);
  return ALLERGEN_KEYWORDS.filter(([pattern]) => pattern.test(t)).map(([, id]) => id);
}

/** Intolerance ids in a free-text answer ("Lactosa", "intolerante a la fructosa"). */
export function parseIntolerances(text: string | null | undefined): string[] {
  if (!text || isNegativeAnswer(text)) return [];
  const t = normalizeText(text);
  const found: string[] = [];
  if (/lactosa/.test(t)) found.push('lactosa');
  if (/fructosa/.test(t)) found.push('fructosa');
  if (/sorbitol/.test(t)) found.push('sorbitol');
  if (/histamina/.test(t)) found.push('histamina');
  return found;
}

/** "Vegetariana", "vegano", "no como cerdo" → dietary pattern id. */
export function parseDietPattern(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = normalizeText(text);
  if (/vegan/.test(t)) return 'vegano';
  if (/vegetarian/.test(t)) return 'ovolactovegetariano';
  if (/pescetarian/.test(t)) return 'pescetariano';
  if (/halal/.test(t)) return 'halal';
  if (/kosher/.test(t)) return 'kosher';
  if (/(sin|no como) cerdo/.test(t)) return 'sin_cerdo';
  return null;
}
