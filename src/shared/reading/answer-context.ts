import { FIELDS } from './lexicon';
import {
  READING_TOPICS,
  type Finding,
  type InjuryStatusSchema,
  type NeedsReview,
  type ReadingTopic,
  type ReviewReason,
} from './reading-schema';
import { words, type Phrase } from './text-match';
import type { z } from 'zod';

/** One answer being read: where it is, what its field is about, and what was found so far. */
export interface AnswerContext {
  readonly field: string;
  readonly text: string;
  /** Topics the field's name says it is about, most specific first; [] for unknown fields. */
  readonly topics: readonly ReadingTopic[];
  /** The fact a bare "Sí" declares in this field ("problemas_corazon: Sí"). */
  readonly implies?: { readonly topic: ReadingTopic; readonly code: string };
  /** A field about tastes (favourite foods): a food named there is a preference. */
  readonly preference: boolean;
}

const isTopic = (value: string): value is ReadingTopic =>
  (READING_TOPICS as readonly string[]).includes(value);

/** Field names are written by developers, not typed by clients: matched exactly, never loosely. */
function nameHas(nameWords: readonly string[], phrase: Phrase): boolean {
  const n = phrase.words.length;
  for (let start = 0; start + n <= nameWords.length; start += 1) {
    const fits = phrase.words.every((pattern, offset) => {
      const word = nameWords[start + offset] ?? '';
      return word === pattern.text || (pattern.prefix && word.startsWith(pattern.text));
    });
    if (fits) return true;
  }
  return false;
}

/** The context of the answer at `field` (a dotted path), from the field-name lexicon. */
export function contextFor(field: string, text: string): AnswerContext {
  const nameWords = words(field.replace(/\.\d+/g, ' ').replace(/[._-]/g, ' '));
  const topics: ReadingTopic[] = [];
  let implies: AnswerContext['implies'];
  let preference = false;
  for (const rule of FIELDS.rules) {
    if (!rule.match.some((phrase) => nameHas(nameWords, phrase))) continue;
    for (const topic of rule.topics) if (isTopic(topic) && !topics.includes(topic)) topics.push(topic);
    if (rule.topics.includes('preferencia')) preference = true;
    if (rule.implies && isTopic(rule.implies.topic) && !implies) {
      implies = { topic: rule.implies.topic, code: rule.implies.code };
    }
  }
  return { field, text, topics, implies, preference };
}

export function isIdentityField(field: string): boolean {
  return FIELDS.identity.has(field.split('.')[0] ?? field);
}

/** Stable id of a needs-review item: corrections and the UI refer to it. */
export function reviewId(field: string, topic: string, text: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${field}\u0000${topic}\u0000${text.trim()}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${field}:${topic}:${hash.toString(36)}`;
}

type InjuryStatus = z.infer<typeof InjuryStatusSchema>;

/** What the detectors found in one answer. */
export class Detected {
  readonly findings: Finding[] = [];
  readonly reviews: NeedsReview[] = [];

  constructor(readonly context: AnswerContext) {}

  add(topic: ReadingTopic, code: string, term: string, estado?: InjuryStatus): void {
    const duplicate = this.findings.some(
      (finding) => finding.topic === topic && finding.code === code && finding.estado === estado,
    );
    if (duplicate) return;
    const { field, text } = this.context;
    this.findings.push({ topic, code, field, text, term, source: 'text', ...(estado ? { estado } : {}) });
  }

  review(topic: ReadingTopic, reason: ReviewReason, reviewWords: readonly string[] = []): void {
    const { field, text } = this.context;
    if (this.reviews.some((item) => item.topic === topic)) return;
    this.reviews.push({
      id: reviewId(field, topic, text),
      topic,
      field,
      text,
      reason,
      words: [...reviewWords],
    });
  }
}
