import { MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnreachable } from '../../../src/main/db/errors';

// Which driver errors make a job wait for the database instead of spending an attempt.
describe('isDatabaseUnreachable', () => {
  it('network failures and a primary that is changing are the database being away', () => {
    expect(isDatabaseUnreachable(new MongoNetworkError('read ECONNRESET'))).toBe(true);
    for (const code of [91, 189, 10107, 11602, 13435])
      expect(isDatabaseUnreachable(new MongoServerError({ message: 'not primary', code }))).toBe(true);
    const labelled = new MongoServerError({ message: 'x', code: 1, errorLabels: ['RetryableWriteError'] });
    expect(isDatabaseUnreachable(labelled)).toBe(true);
  });

  it('errors of the request itself are not', () => {
    expect(
      isDatabaseUnreachable(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })),
    ).toBe(false);
    expect(isDatabaseUnreachable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnreachable('ECONNRESET')).toBe(false);
  });
});
