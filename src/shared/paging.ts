import { z } from 'zod';

/*
 * Paging, defined once for both doors: the same bounds for a list's `limit`/`offset`, whether they
 * arrive as numbers (IPC) or as query-string text (HTTP), and the same page shape in every answer.
 */

export const PAGE_LIMIT_MAX = 500;
/** A list asked for without a limit answers this many. */
export const PAGE_LIMIT_DEFAULT = 50;

/** Which part of a list to answer. */
export interface PageRequest {
  limit?: number | undefined;
  offset?: number | undefined;
}

/** One page of a list, whichever door answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `limit`/`offset` as IPC arguments (numbers, structured clone). */
export const pageArgsShape = {
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).optional(),
  offset: z.number().int().min(0).optional(),
};

/** `limit`/`offset` in a URL's query string: text turned into the same bounded numbers. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).optional(),
  offset: z.coerce.number().int().min(0).optional(),
};

/** One page of a list: the items and where they sit in the whole. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int().min(1),
    offset: z.number().int().min(0),
  });
}
