import type { Collection, Document, Filter, Sort, WithId } from 'mongodb';
import { unstamped } from '../schema/schema-version';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, type Page, type PageRequest } from '@shared/paging';

export type { Page, PageRequest };

/** Bounded pages: an admin listing 10 000 jobs must never pull them all into memory at once. */
export async function pageOf<T extends Document>(
  collection: Collection<T>,
  query: Filter<T>,
  sort: Sort,
  request: PageRequest,
): Promise<Page<WithId<T>>> {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? PAGE_LIMIT_DEFAULT), 1), PAGE_LIMIT_MAX);
  const offset = Math.max(Math.trunc(request.offset ?? 0), 0);
  const [items, total] = await Promise.all([
    collection.find(query).sort(sort).skip(offset).limit(limit).toArray(),
    collection.countDocuments(query),
  ]);
  // The schema version is storage's business: no page carries it.
  return { items: items.map((item) => unstamped(item)), total, limit, offset };
}

export function escapeRegex(text: string): string {
  // A literal NUL cannot travel in a BSON regex (the driver throws); `\x00` matches the same text.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\0', '\\x00');
}
