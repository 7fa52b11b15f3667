import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingCorrectionInput, SubmissionReading } from '@shared/reading-api';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';

export type SubmissionReadingState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; data: SubmissionReading };

/**
 * What the server understood from a stored questionnaire, with the coach's corrections, and a way
 * to store one more. A saved correction re-renders from the reading the server returns, so the
 * screen shows exactly what the next job will read.
 */
export function useSubmissionReading(submissionId: string): {
  state: SubmissionReadingState;
  correct(correction: ReadingCorrectionInput): Promise<void>;
  retry(): void;
} {
  const { t } = useTranslation();
  const api = useClient();
  const [state, setState] = useState<SubmissionReadingState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.getQuestionnaireReading(submissionId).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', message: errorText(error, t) }),
    );
    return () => {
      current = false;
    };
    // `t` only words the error (left out: a language change must not reload).
  }, [api, submissionId, attempt]);

  const correct = useCallback(
    async (correction: ReadingCorrectionInput) => {
      const data = await api.correctQuestionnaireReading(submissionId, [correction]);
      setState({ status: 'ready', data });
    },
    [api, submissionId],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, correct, retry };
}
