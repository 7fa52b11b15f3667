import type { Collection, Document, Filter, Sort, WithId } from 'mongodb';

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const MAX_PAGE_SIZE = 500;

/** Bounded pages: an admin listing 10 000 jobs must never pull them all into memory at once. */
export async function pageOf<T extends Document>(
  collection: Collection<T>,
  query: Filter<T>,
  sort: Sort,
  request: PageRequest,
): Promise<Page<WithId<T>>> {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? 50), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(request.offset ?? 0), 0);
  const [items, total] = await Promise.all([
    collection.find(query).sort(sort).skip(offset).limit(limit).toArray(),
    collection.countDocuments(query),
  ]);
  return { items, total, limit, offset };
}

export function escapeRegex(text: string): string {
  // A literal NUL cannot travel in a BSON regex (the driver throws); `\x00` matches the same text.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\0', '\\x00');
}
