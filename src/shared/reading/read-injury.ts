import { clauseHas, cover, declared, isNegated, occurrences, splitClauses, type Clause } from './clauses';
import { INJURY, type ZoneRule } from './lexicon';
import type { AnswerContext, Detected } from './answer-context';
import type { Finding } from './reading-schema';

/*
 * Injuries in one answer: the zones named and each one's status. The status is read with its
 * negations: a negated "recovered" ("sin terminar de curar", "not fully healed") or any pain word
 * means active; a negated pain word ("ya no me duele") means recovered; with no status word the
 * injury is active — the safe side, and what an intake question about injuries usually means.
 */

type Estado = NonNullable<Finding['estado']>;

/** Status words of these clauses → a status, or null when they say nothing about it. */
export function statusOf(clauses: readonly Clause[]): Estado | null {
  const hits = (phrases: typeof INJURY.status.active) => occurrences(clauses, phrases);
  const active = hits(INJURY.status.active);
  const recovered = hits(INJURY.status.recovered);
  const chronic = hits(INJURY.status.chronic);
  [...active, ...recovered, ...chronic].forEach(cover);
  const affirmed = (list: typeof active) => list.some((hit) => !isNegated(hit));
  const denied = (list: typeof active) => list.some((hit) => isNegated(hit));
  if (affirmed(active) || denied(recovered)) return 'activa';
  if (affirmed(chronic)) return 'cronica';
  if (affirmed(recovered) || denied(active)) return 'recuperada';
  return null;
}

/** Zones named in one clause (specific spine levels win over generic "back" words). */
export function zonesIn(clause: Clause, includeDenied = false): ZoneRule[] {
  const named = (rule: ZoneRule, terms: ZoneRule['terms']) => {
    if (clauseHas(clause, rule.unless)) return false;
    const found = occurrences([clause], terms);
    found.forEach(cover);
    return found.some((hit) => includeDenied || !isNegated(hit));
  };
  const specific = INJURY.zones.filter((rule) => !rule.generic && named(rule, rule.terms));
  const spine = specific.some((rule) => rule.spine);
  const generic = spine ? [] : INJURY.zones.filter((rule) => rule.generic && named(rule, rule.terms));
  const found = [...specific, ...generic];
  if (found.length > 0) return found;
  return INJURY.zones.filter((rule) => named(rule, rule.fallbackTerms));
}

export function readInjuries(clauses: readonly Clause[], context: AnswerContext, out: Detected): void {
  const injuryField = context.topics.includes('lesion');
  const cued = (clause: Clause) =>
    injuryField || clauseHas(clause, INJURY.cues) || statusOf([clause]) !== null;
  // Zones the clause names, denied or not: "no me he recuperado de la rodilla" denies the recovery,
  // not the knee. A denied zone counts only when its status says it is not recovered.
  const zoneClauses = clauses.map((clause) => (cued(clause) ? zonesIn(clause, true) : []));
  // Cue words explain part of an injury answer ("rotura", "operado").
  if (injuryField) declared(clauses, INJURY.cues);
  zoneClauses.forEach((zones, index) => {
    if (zones.length === 0) return;
    // A status word usually follows the zone in its own clause: "Rodilla derecha. Ya recuperada".
    let end = index + 1;
    while (end < clauses.length && (zoneClauses[end]?.length ?? 0) === 0) end += 1;
    const status = statusOf(clauses.slice(index, end));
    const affirmed = new Set(zonesIn(clauses[index] as Clause));
    for (const zone of zones) {
      // No status word near an affirmed zone: active, the safe side.
      if (affirmed.has(zone))
        out.add('lesion', zone.zone, zone.terms[0]?.source ?? zone.zone, status ?? 'activa');
      else if (status === 'activa')
        out.add('lesion', zone.zone, zone.terms[0]?.source ?? zone.zone, 'activa');
    }
  });
}

/** Every zone a text names ("molestias en el menisco" → rodilla), negations respected. */
export function zonesNamedIn(text: string): ZoneRule[] {
  const found = new Set<ZoneRule>();
  for (const clause of splitClauses(text)) zonesIn(clause).forEach((zone) => found.add(zone));
  return [...found];
}

/** Extra tags for specific conditions named in the text (cruciate ligament, shoulder instability). */
export function modifierTagsIn(text: string): string[] {
  const clauses = splitClauses(text);
  return INJURY.modifiers
    .filter((modifier) => declared(clauses, modifier.terms).length > 0)
    .flatMap((m) => m.tags);
}
