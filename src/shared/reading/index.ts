export { readQuestionnaire, readAnswer, freeTextAnswers, type ReadOptions } from './read-questionnaire';
export { readGoalText } from './read-goal';
export { zoneOf, stricterStatus } from './typed-answers';
export * from './reading-schema';
export { zonesNamedIn, modifierTagsIn } from './read-injury';
export { foodPhrases, wordPhrases, mentionedPhrase, intoleranceGroups, patternGroups } from './food-words';
export { isUntypedDiabetes } from './read-medical';
export { PATTERN_ORDER } from './read-food';
