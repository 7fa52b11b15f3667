import type { ReviewItemFact } from '@shared/plan-content';
import type { QuestionnaireReading, ReadingTopic } from '@shared/reading';

/**
 * The reader's open questions, as the agents receive them: the verbatim answer and the words a
 * plan item could match. Agents must treat each as a restriction until the coach resolves it
 * (docs/DOMAIN.md, "Reading free-text answers").
 */
export function reviewItemsFor(
  reading: QuestionnaireReading,
  topics: readonly ReadingTopic[],
): ReviewItemFact[] {
  return reading.needs_review
    .filter((item) => topics.includes(item.topic))
    .map((item) => ({ tema: item.topic, campo: item.field, texto: item.text, palabras: item.words }));
}
