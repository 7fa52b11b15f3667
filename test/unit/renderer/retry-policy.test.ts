import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, JOB_STATUSES } from '../../../src/shared/job';
import { needsNewQuestionnaire, retryCanHelp } from '../../../src/renderer/src/jobs/retry-policy';

describe('Trabajos retry policy', () => {
  it('offers retry only for failed jobs (the server answers job_not_retryable otherwise)', () => {
    for (const status of JOB_STATUSES.filter((s) => s !== 'failed'))
      expect(retryCanHelp({ status, error_reason: null })).toBe(false);
    expect(retryCanHelp({ status: 'failed', error_reason: null })).toBe(true);
  });

  it('not for failures a retry repeats: those ask for a new questionnaire instead', () => {
    const helps = ERROR_REASONS.filter((error_reason) => retryCanHelp({ status: 'failed', error_reason }));
    expect(helps).toEqual([
      'timeout',
      'cancelled',
      'llm_unavailable',
      'llm_error',
      'invalid_output',
      'worker_lost',
      'internal_error',
    ]);
    expect(needsNewQuestionnaire({ status: 'failed', error_reason: 'validation_error' })).toBe(true);
    expect(needsNewQuestionnaire({ status: 'failed', error_reason: 'screening_required' })).toBe(true);
    expect(needsNewQuestionnaire({ status: 'failed', error_reason: 'llm_error' })).toBe(false);
  });
});
