import { describe, expect, it } from 'vitest';
import { insertedBefore, keyOf } from '../../../../src/main/db/backup/database-documents';
import { Double, Int32, Long, ObjectId } from 'mongodb';

/*
 * Which documents an unordered insert that met duplicates wrote, as the two kinds of server answer
 * it. The test server (jongodb) stops at the first duplicate and inserts nothing of the batch; real
 * MongoDB goes on past it — a server we cannot run here, so its answer is given as the driver's
 * MongoBulkWriteError carries it (insertedCount and the refused indexes).
 */
const docs = ['a', 'b', 'c', 'd', 'e'];

describe('insertedBefore', () => {
  it('MongoDB: every document but the refused ones went in', () => {
    const error = { insertedCount: 3, writeErrors: [{ index: 1 }, { index: 3 }] };
    expect(insertedBefore(docs, error)).toEqual(['a', 'c', 'e']);
  });

  it('one refused document comes as a single write error, not a list', () => {
    expect(insertedBefore(docs, { insertedCount: 4, writeErrors: { index: 0 } })).toEqual([
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('a server that stops at the first duplicate: only those before it went in', () => {
    expect(insertedBefore(docs, { insertedCount: 2, writeErrors: [{ index: 2 }] })).toEqual(['a', 'b']);
    expect(insertedBefore(docs, { insertedCount: 0, writeErrors: [{ index: 0 }] })).toEqual([]);
  });
});

describe('keyOf (an _id as a map key)', () => {
  it('tells a string from a number, and matches numbers by value whatever their BSON type', () => {
    expect(keyOf('5')).not.toBe(keyOf(5));
    expect(keyOf(new Int32(5))).toBe(keyOf(5));
    expect(keyOf(new Double(5))).toBe(keyOf(5));
    expect(keyOf(Long.fromNumber(5))).toBe(keyOf(5));
    const id = new ObjectId();
    expect(keyOf(new ObjectId(id.toHexString()))).toBe(keyOf(id));
    expect(keyOf(id)).not.toBe(keyOf(id.toHexString()));
  });
});
