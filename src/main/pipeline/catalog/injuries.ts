import { CONTRA_VALUES, type Contra } from '@shared/exercise';
import { modifierTagsIn, zonesNamedIn } from '@shared/reading';

/*
 * Injury → contraindication tags (TRN-03: exercise tags ∩ active-injury tags = ∅).
 *
 * The zones, their words (Spanish and English) and their tags are data, shared with the
 * questionnaire reader: resources/lexicons/injuries.json. The zone text is read first; when it
 * names no zone the description is searched instead ("molestias" + "menisco roto"). Unknown zones
 * map to no tags: the coach and E6 handle them; nothing here invents a restriction. These
 * mappings are conservative coaching heuristics (docs/DOMAIN.md, "Injuries").
 */

const isContra = (tag: string): tag is Contra => (CONTRA_VALUES as readonly string[]).includes(tag);

function zoneTags(text: string): Set<Contra> {
  return new Set(zonesNamedIn(text).flatMap((zone) => zone.tags.filter(isContra)));
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
  let tags = zoneTags(zona);
  if (tags.size === 0 && descripcion) tags = zoneTags(descripcion);
  if (tags.size === 0) return [];
  modifierTagsIn(`${zona}. ${descripcion ?? ''}`)
    .filter(isContra)
    .forEach((tag) => tags.add(tag));
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
