import { useCallback, useState } from 'react';
import {
  needsConfirmation,
  NO_IMPORTED_ANSWERS,
  type ImportDecision,
  type ImportedAnswer,
  type ImportedAnswers,
} from './imported-answers';
import type { ImportedField } from './ImportedAnswerNote';

export interface ImportedAnswersState {
  imports: ImportedAnswers;
  /** A new set of imported answers (the form was filled again): every earlier decision is gone. */
  load: (answers: ImportedAnswer[]) => void;
  /** The imported answer a field's input shows a note for, if any. */
  fieldOf: (field: string) => ImportedField | undefined;
}

/**
 * The imported answers of the questionnaire being edited, kept beside the form's values (never as
 * form values: the inputs hold only typed answers, so the strict validation has nothing to report
 * about text the coach has not touched), with the coach's decisions on them.
 */
export function useImportedAnswers(): ImportedAnswersState {
  const [imports, setImports] = useState<ImportedAnswers>(NO_IMPORTED_ANSWERS);
  const load = useCallback((answers: ImportedAnswer[]) => setImports({ answers, decisions: {} }), []);
  const decide = useCallback(
    (field: string, decision: ImportDecision) =>
      setImports((current) => ({ ...current, decisions: { ...current.decisions, [field]: decision } })),
    [],
  );
  const fieldOf = (field: string): ImportedField | undefined => {
    const answer = imports.answers.find((item) => item.field === field && needsConfirmation(item));
    if (!answer) return undefined;
    return {
      answer,
      decision: imports.decisions[field],
      onKeep: () => decide(field, 'kept'),
      onDrop: () => decide(field, 'dropped'),
    };
  };
  return { imports, load, fieldOf };
}
