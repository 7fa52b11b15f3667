import { contentWords, expandContractions, WORDS } from './lexicon';
import { editDistance, findPhrase, phraseRanges, type Phrase } from './text-match';

/*
 * An answer split into clauses, and negation decided per term occurrence inside its clause.
 *
 * Why clauses: "Nada importante, solo que el kiwi me pica" opens with a denial that does not reach
 * the kiwi. Punctuation and words like "pero", "solo", "except" start a new clause, so a negation
 * covers only the words after it in its own clause. Why declaring verbs: "no puedo comer marisco"
 * and "can't have dairy" use a negator to declare, not to deny.
 */

export interface Clause {
  readonly tokens: readonly string[];
  /**
   * The clause names what an "everything except" clause before it leaves out ("como de todo menos
   * cerdo", "I eat everything except pork"): its foods are avoided.
   */
  readonly excepted: boolean;
  /** Tokens some matched phrase explained (terms, cues, status words). */
  readonly covered: boolean[];
  /** Negators that belong to a declaring cue ("sin gluten", "no tolero"): they deny nothing. */
  readonly inertNegators: Set<number>;
}

export interface Occurrence {
  readonly clause: Clause;
  readonly start: number;
  readonly end: number;
  readonly phrase: Phrase;
}

/** Punctuation and dashes that separate statements. */
const BREAK_PUNCTUATION = /[.;:!?()[\]{}\n\r•·/|,]+|\s[-–—]\s|\s[-–—]$|^[-–—]\s/;

interface Part {
  tokens: string[];
  excepted: boolean;
}

function splitOnBreakWords(tokens: string[]): Part[] {
  const cuts: [number, number][] = [];
  for (const phrase of WORDS.clauseBreaks) cuts.push(...phraseRanges(tokens, phrase));
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: Part[] = [];
  let from = 0;
  let excepted = false;
  for (const [start, end] of cuts) {
    if (start < from) continue;
    const part = tokens.slice(from, start);
    parts.push({ tokens: part, excepted });
    // "todo menos …", "everything except …": what follows is left out of "everything".
    excepted = clauseHasAll(part) && isExceptionBreak(tokens.slice(start, end));
    from = end;
  }
  parts.push({ tokens: tokens.slice(from), excepted });
  return parts.filter((part) => part.tokens.length > 0);
}

const clauseHasAll = (tokens: readonly string[]) =>
  WORDS.everything.some((phrase) => findPhrase(tokens, phrase) >= 0);
const isExceptionBreak = (tokens: readonly string[]) =>
  WORDS.exceptionBreaks.some((phrase) => findPhrase(tokens, phrase) === 0);

export function splitClauses(text: string): Clause[] {
  return expandContractions(text)
    .split(BREAK_PUNCTUATION)
    .flatMap((piece) => splitOnBreakWords(contentWords(piece)))
    .map(({ tokens, excepted }) => ({
      tokens,
      excepted,
      covered: tokens.map(() => false),
      inertNegators: new Set<number>(),
    }));
}

/** Whether any negator, denying or declaring, stands before this token ("no como carne ni pescado"). */
export function followsNegator(clause: Clause, at: number): boolean {
  return clause.tokens.slice(0, at).some((token) => WORDS.negators.has(token));
}

/** Marks negators inside these cue phrases as declaring ("sin gluten" declares gluten). */
export function markDeclaringCues(clauses: readonly Clause[], cues: readonly Phrase[]): void {
  for (const clause of clauses) {
    for (const cue of cues) {
      for (const [start, end] of phraseRanges(clause.tokens, cue)) {
        for (let i = start; i < end; i += 1) {
          if (WORDS.negators.has(clause.tokens[i] ?? '')) clause.inertNegators.add(i);
        }
      }
    }
  }
}

function declares(tokens: readonly string[], negatorAt: number): boolean {
  if (WORDS.modalsBeforeNegator.has(tokens[negatorAt - 1] ?? '')) return true;
  let next = negatorAt + 1;
  while (
    next < tokens.length &&
    next <= negatorAt + 3 &&
    WORDS.betweenNegatorAndVerb.has(tokens[next] ?? '')
  ) {
    next += 1;
  }
  const rest = tokens.slice(next);
  return WORDS.declaringVerbs.some((verb) => findPhrase(rest, verb) === 0);
}

/** "ni"/"nor" continue the negator before them: after a declaring one they declare too. */
const CONTINUING_NEGATORS = new Set(['ni', 'nor', 'neither']);

function isDenyingNegator(clause: Clause, at: number): boolean {
  const token = clause.tokens[at] ?? '';
  if (!WORDS.negators.has(token) || clause.inertNegators.has(at) || declares(clause.tokens, at)) return false;
  if (!CONTINUING_NEGATORS.has(token)) return true;
  for (let before = at - 1; before >= 0; before -= 1) {
    const previous = clause.tokens[before] ?? '';
    if (!WORDS.negators.has(previous) || CONTINUING_NEGATORS.has(previous)) continue;
    return isDenyingNegator(clause, before);
  }
  return true;
}

/** Whether a denying negator stands before this token in its clause ("no fumo": "fumo" is denied). */
function isDenied(clause: Clause, at: number): boolean {
  for (let before = at - 1; before >= 0; before -= 1) if (isDenyingNegator(clause, before)) return true;
  return false;
}

/**
 * Whether a denying negator governs this occurrence: one earlier in the clause ("no tengo alergia
 * al huevo", "ni al marisco"), or only negators after it ("marisco no").
 */
export function isNegated(occurrence: Occurrence): boolean {
  const { clause, start, end } = occurrence;
  if (isDenied(clause, start)) return true;
  const after = clause.tokens.slice(end);
  return after.length > 0 && after.length <= 2 && after.every((_, i) => isDenyingNegator(clause, end + i));
}

/** Every occurrence of any of the phrases in the clauses, in reading order. */
export function occurrences(clauses: readonly Clause[], phrases: readonly Phrase[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const clause of clauses) {
    for (const phrase of phrases) {
      for (const [start, end] of phraseRanges(clause.tokens, phrase))
        found.push({ clause, start, end, phrase });
    }
  }
  return found;
}

/** The clauses again with nothing marked explained, to look at all their words afresh. */
export function withoutCoverage(clauses: readonly Clause[]): Clause[] {
  return clauses.map((clause) => ({ ...clause, covered: clause.covered.map(() => false) }));
}

export function cover(occurrence: Occurrence): void {
  for (let i = occurrence.start; i < occurrence.end; i += 1) occurrence.clause.covered[i] = true;
}

/** Occurrences not denied by a negator; each one found is marked as explained. */
export function declared(clauses: readonly Clause[], phrases: readonly Phrase[]): Occurrence[] {
  const all = occurrences(clauses, phrases);
  all.forEach(cover);
  return all.filter((occurrence) => !isNegated(occurrence));
}

export function clauseHas(clause: Clause, phrases: readonly Phrase[]): boolean {
  return phrases.some((phrase) => findPhrase(clause.tokens, phrase) >= 0);
}

/** Words nothing explained and that carry meaning (not filler, negators, yes/no or numbers). */
export function leftoverWords(clauses: readonly Clause[]): string[] {
  const left: string[] = [];
  for (const clause of clauses) {
    clause.tokens.forEach((token, i) => {
      if (clause.covered[i] || WORDS.filler.has(token) || WORDS.negators.has(token)) return;
      // What a clause denies it does not declare: "no fumo ni bebo" says nothing to review.
      if (isDenied(clause, i)) return;
      if (WORDS.affirmatives.has(token) || /^\d+([.,]\d+)?$/.test(token) || token.length < 2) return;
      left.push(token);
    });
  }
  return [...new Set(left)];
}

/** A clause that says nothing but "no"/"none"/"fine", or only negated terms. */
/** A one-word "none" with a slip ("nnguna", "ningna"): long none-words allow one edit. */
function isMisspeltNone(tokens: readonly string[]): boolean {
  const [word] = tokens;
  if (tokens.length !== 1 || !word || word.length < 5) return false;
  return [...WORDS.noneAnswers].some(
    (none) => none.length >= 6 && !none.includes(' ') && editDistance(word, none) <= 1,
  );
}

export function clauseSaysNone(clause: Clause): boolean {
  const joined = clause.tokens.join(' ');
  if (WORDS.noneAnswers.has(joined) || isMisspeltNone(clause.tokens)) return true;
  const affirmsSomething = clause.tokens.some((_, i) => clause.covered[i] && !isDenied(clause, i));
  if (affirmsSomething) return false;
  // "El corazón bien según la última revisión": a clause saying the client is well, naming nothing.
  if (WORDS.healthy.some((phrase) => findPhrase(clause.tokens, phrase) >= 0)) return true;
  const hasDenial = clause.tokens.some((_, i) => isDenyingNegator(clause, i));
  return hasDenial && leftoverWords([clause]).length === 0;
}

/** A clause that names no condition and no unknown word: "Sí", "tengo alergias". */
export function clauseIsBare(clause: Clause): boolean {
  return !clause.covered.some(Boolean) && leftoverWords([clause]).length === 0 && !clauseSaysNone(clause);
}

export function clauseIsAffirmative(clause: Clause): boolean {
  return clause.tokens.some((token) => WORDS.affirmatives.has(token));
}
