import { CONTRA_VALUES, type Contra } from '@shared/exercise';

/*
 * Injury → contraindication tags (TRN-03: exercise tags ∩ active-injury tags = ∅).
 *
 * Free-text Spanish zones ("rodilla derecha", "espalda baja", "hombro izq.") are normalised
 * (lower case, accents removed) and matched against the zone rules below. The description can add
 * tags for specific conditions (cruciate ligament, shoulder instability). When the zone text
 * matches no rule, the description is searched for a zone instead ("molestias" + "menisco roto").
 * Unknown zones map to no tags: the coach and E6 handle them; nothing here invents a restriction.
 * These mappings are conservative coaching heuristics (general knowledge, see docs/SOURCES.md).
 */

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface ZoneRule {
  zone: string;
  patterns: readonly RegExp[];
  tags: readonly Contra[];
}

/** Spine zones first: a specific spine level wins over the generic "espalda"/"columna" rule. */
const SPECIFIC_ZONES: readonly ZoneRule[] = [
  {
    zone: 'cervical',
    patterns: [/\bcervical/, /\bcuello\b/, /\bnuca\b/, /\blatigazo\b/, /\bneck\b/, /\btortico/],
    tags: ['carga_axial_columna', 'carga_cervical'],
  },
  {
    zone: 'dorsal',
    patterns: [/\bespalda (alta|media)\b/, /\bdorsal(es)?\b(?! ancho)/, /\btoracic/, /\bupper back\b/],
    tags: ['carga_axial_columna', 'cizalla_lumbar'],
  },
  {
    zone: 'lumbar',
    patterns: [
      /\blumba/,
      /\bespalda baja\b/,
      /\bparte baja de la espalda\b/,
      /\bciatic/,
      /\bsacro/,
      /\bcoxis\b/,
      /\bdiscopatia\b/,
      /\bespondil/,
      /\blower back\b/,
      /\blow back\b/,
    ],
    tags: ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar'],
  },
];

/** Generic back words count as lumbar only when no specific spine level was named. */
const GENERIC_BACK: ZoneRule = {
  zone: 'lumbar',
  patterns: [/\bespalda\b/, /\bcolumna\b/, /\bhernia\b/, /\bprotrusion/, /\bdisco\b/, /\bback\b/],
  tags: ['carga_axial_columna', 'flexion_lumbar_cargada', 'cizalla_lumbar'],
};

const LIMB_ZONES: readonly ZoneRule[] = [
  {
    zone: 'rodilla',
    patterns: [
      /\brodill/,
      /\bmenisc/,
      /\brotul/,
      /\bpatel/,
      /\bcondromalacia\b/,
      /\bcruzado\b/,
      /\blc[ap]\b/,
      /\bacl\b/,
      /\bknee/,
      /\bcintilla\b/,
    ],
    tags: ['flexion_profunda_rodilla', 'impacto', 'rodilla_valgo_carga'],
  },
  {
    zone: 'hombro',
    patterns: [
      /\bhombro/,
      /\bmanguito\b/,
      /\bsupraespinos/,
      /\bsubacromial\b/,
      /\bacromio/,
      /\bclavicul/,
      /\bescapul/,
      /\blabrum\b/,
      /\bslap\b/,
      /\bshoulder/,
    ],
    tags: ['overhead', 'hombro_rotacion_extrema'],
  },
  {
    zone: 'codo',
    patterns: [/\bcodo/, /\bepicondil/, /\bepitrocle/, /\bolecranon\b/, /\belbow/],
    tags: ['codo_carga_aislada', 'agarre_intenso'],
  },
  {
    zone: 'muneca',
    patterns: [
      /\bmunec/,
      /\bmanos?\b/,
      /\bcarp/,
      /\bescafoides\b/,
      /\bquervain\b/,
      /\btfcc\b/,
      /\bdedos?\b/,
      /\bwrist/,
      /\bhand\b/,
    ],
    tags: ['muneca_extension_cargada', 'agarre_intenso'],
  },
  {
    zone: 'tobillo',
    patterns: [
      /\btobill/,
      /\bpies?\b/,
      /\baquiles\b/,
      /\baquileo\b/,
      /\bfascitis\b/,
      /\bplantar\b/,
      /\bmetatars/,
      /\bankle/,
      /\bfoot\b/,
    ],
    tags: ['impacto', 'apoyo_unipodal'],
  },
  {
    zone: 'espinilla',
    patterns: [/\bespinilla/, /\bperiostitis\b/, /\btibia\b/, /\bshin/],
    tags: ['impacto'],
  },
  {
    zone: 'cadera',
    patterns: [
      /\bcadera/,
      /\bingle\b/,
      /\binguinal\b/,
      /\bpubi/,
      /\bpubalgia\b/,
      /\bfemoroacetabular\b/,
      /\bfai\b/,
      /\bpsoas\b/,
      /\bhip\b/,
    ],
    tags: ['flexion_profunda_cadera', 'impacto'],
  },
  {
    zone: 'abdomen',
    patterns: [/\babdom/, /\bumbilic/, /\beventracion\b/, /\bdiastasis\b/],
    tags: ['valsalva', 'flexion_lumbar_cargada'],
  },
  {
    zone: 'pecho',
    patterns: [/\bpectoral/, /\bpecho\b/, /\besternon\b/, /\bchest\b/],
    tags: ['hombro_rotacion_extrema'],
  },
];

/** Conditions in the zone or description text that add tags on top of the zone's. */
const MODIFIERS: readonly { patterns: readonly RegExp[]; tags: readonly Contra[] }[] = [
  {
    // Cruciate ligament and patellofemoral problems: open-chain knee extension and sissy squats.
    patterns: [
      /\bcruzado\b/,
      /\blc[ap]\b/,
      /\bacl\b/,
      /\bpcl\b/,
      /\brotul/,
      /\bpatel/,
      /\bfemoropatelar\b/,
      /\bcondromalacia\b/,
    ],
    tags: ['cizalla_rodilla'],
  },
  {
    // Shoulder instability / labral damage: no hanging from a bar.
    patterns: [
      /\bluxacion/,
      /\bsubluxacion/,
      /\binestab/,
      /\blabrum\b/,
      /\bslap\b/,
      /\bbankart\b/,
      /\bdislocat/,
    ],
    tags: ['colgado'],
  },
  {
    // Abdominal-wall hernias: avoid breath-holding under heavy load.
    patterns: [/\bhernia (inguinal|umbilical|abdominal|de pared)\b/, /\beventracion\b/],
    tags: ['valsalva'],
  },
];

function matchZones(text: string): Set<Contra> {
  const tags = new Set<Contra>();
  let spine = false;
  for (const rule of [...SPECIFIC_ZONES, ...LIMB_ZONES]) {
    if (rule.patterns.some((re) => re.test(text))) {
      rule.tags.forEach((tag) => tags.add(tag));
      if (SPECIFIC_ZONES.includes(rule)) spine = true;
    }
  }
  if (!spine && GENERIC_BACK.patterns.some((re) => re.test(text))) {
    // "hernia de hiato" / "hernia inguinal" are not back problems.
    const notBack = /\bhernia (de hiato|hiatal|inguinal|umbilical|abdominal)\b/.test(text);
    if (!notBack || /\bespalda\b|\bcolumna\b|\bdisco\b|\bprotrusion/.test(text)) {
      GENERIC_BACK.tags.forEach((tag) => tags.add(tag));
    }
  }
  return tags;
}

const inCatalogOrder = (tags: Iterable<Contra>): Contra[] => {
  const set = new Set(tags);
  return CONTRA_VALUES.filter((tag) => set.has(tag));
};

/**
 * Contraindication tags for one injury, from its free-text zone (and optional description).
 * Unknown zones → []. Tags come back in `CONTRA_VALUES` order, without repeats.
 */
export function contraindicationsForInjury(zona: string, descripcion?: string | null): Contra[] {
  const zone = normalizeText(zona);
  const description = normalizeText(descripcion ?? '');
  let tags = matchZones(zone);
  if (tags.size === 0 && description) tags = matchZones(description);
  if (tags.size === 0) return [];
  const both = `${zone} ${description}`;
  for (const modifier of MODIFIERS) {
    if (modifier.patterns.some((re) => re.test(both))) modifier.tags.forEach((tag) => tags.add(tag));
  }
  return inCatalogOrder(tags);
}

export interface InjuryLike {
  zona: string;
  descripcion?: string | null;
  estado: 'activa' | 'cronica' | 'recuperada';
}

/** Union of the tags of the injuries that still restrict training (`activa`, `cronica`). */
export function activeInjuryTags(lesiones: readonly InjuryLike[] | null | undefined): Contra[] {
  const tags = new Set<Contra>();
  for (const lesion of lesiones ?? []) {
    if (lesion.estado === 'recuperada') continue;
    contraindicationsForInjury(lesion.zona, lesion.descripcion).forEach((tag) => tags.add(tag));
  }
  return inCatalogOrder(tags);
}
