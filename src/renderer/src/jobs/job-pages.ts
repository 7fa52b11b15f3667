import type { JobStatus, JobType, PublicJob } from '@shared/job';

/*
 * Trabajos keeps the server's list (newest first) as fixed-size pages fetched on demand. These pure
 * functions apply one pushed job state to what is loaded: update the row in place, drop it when it
 * stops matching the filters, or tell the screen that a job it has not loaded may belong to the list.
 * Nothing here fetches: the screen fetches the pages on screen that `pageNeedsFetch` names.
 */

/** The list's server-side filters, as the screen holds them. */
export interface JobFilters {
  status: JobStatus | null;
  type: JobType | null;
  /** Exact client id; null = every client. */
  userId: string | null;
}

export interface LoadedPage {
  rows: readonly PublicJob[];
  /** The view's `epoch` when this page was requested; older than the view's = stale. */
  epoch: number;
}

/** What Trabajos has loaded: page index → its rows, and the number of jobs matching the filters. */
export interface JobsView {
  pages: ReadonlyMap<number, LoadedPage>;
  total: number;
  /** Grows whenever the list may have changed in ways no pushed state shows (a job joined it). */
  epoch: number;
}

export const EMPTY_VIEW: JobsView = { pages: new Map(), total: 0, epoch: 0 };

/** Whether the server would list this job with these filters (the fields `listJobs` filters on). */
export function matchesJobFilters(job: PublicJob, filters: JobFilters): boolean {
  if (filters.status && job.status !== filters.status) return false;
  if (filters.type && job.type !== filters.type) return false;
  if (filters.userId && job.user_id !== filters.userId) return false;
  return true;
}

/** Row `index` of the list, when its page is loaded. */
export function jobAt(view: JobsView, index: number, pageSize: number): PublicJob | undefined {
  return view.pages.get(Math.floor(index / pageSize))?.rows[index % pageSize];
}

/** Where a job sits among the loaded pages, or null when it is not loaded. */
export function locateJob(view: JobsView, id: string): { page: number; at: number } | null {
  for (const [page, loaded] of view.pages) {
    const at = loaded.rows.findIndex((j) => j._id === id);
    if (at >= 0) return { page, at };
  }
  return null;
}

/** The newer of two states of one job (by `updated_at`); `current` wins a tie. */
export function newerJob(current: PublicJob, incoming: PublicJob | undefined): PublicJob {
  if (!incoming) return current;
  return incoming.updated_at.getTime() > current.updated_at.getTime() ? incoming : current;
}

/** Rows page `index` holds when complete. */
export function expectedPageLength(index: number, total: number, pageSize: number): number {
  return Math.max(0, Math.min(pageSize, total - index * pageSize));
}

/**
 * The view without one job: later rows move up by one, so each later loaded page loses its first row
 * to the page before it and takes the first row of the page after it. A page whose successor is not
 * loaded ends one row short and is fetched again when it is on screen (see `pageNeedsFetch`).
 */
export function removeJob(view: JobsView, id: string, pageSize: number): JobsView {
  const found = locateJob(view, id);
  if (!found) return view;
  const pages = new Map<number, LoadedPage>();
  for (const [index, loaded] of view.pages) {
    if (index < found.page) {
      pages.set(index, loaded);
      continue;
    }
    const { rows } = loaded;
    // A page already short has a gap at its end: the next page's first row does not follow on.
    const complete = rows.length >= expectedPageLength(index, view.total, pageSize);
    const own = index === found.page ? rows.filter((_, i) => i !== found.at) : rows.slice(1);
    const next = view.pages.get(index + 1)?.rows[0];
    pages.set(index, { ...loaded, rows: complete && next ? [...own, next] : own });
  }
  return { ...view, pages, total: Math.max(0, view.total - 1) };
}

/** The view with a new state of one loaded job in place (the same view when not loaded or older). */
export function replaceJob(view: JobsView, job: PublicJob): JobsView {
  const found = locateJob(view, job._id);
  if (!found) return view;
  const loaded = view.pages.get(found.page);
  const current = loaded?.rows[found.at];
  if (!loaded || !current || newerJob(job, current) !== job) return view; // an older state, late
  const pages = new Map(view.pages);
  pages.set(found.page, { ...loaded, rows: loaded.rows.map((j, i) => (i === found.at ? job : j)) });
  return { ...view, pages };
}

/**
 * One pushed job state applied to the view: in place when loaded and still matching, removed when
 * loaded and no longer matching, the same view otherwise (see `mayJoinView` for that case).
 */
export function applyJobUpdate(
  view: JobsView,
  job: PublicJob,
  filters: JobFilters,
  pageSize: number,
): JobsView {
  if (!locateJob(view, job._id)) return view;
  return matchesJobFilters(job, filters) ? replaceJob(view, job) : removeJob(view, job._id, pageSize);
}

/**
 * Whether a pushed state of a job the view has not loaded may change the list (a new job, or an old
 * one that now matches the filters): then the pages on screen must be fetched again.
 */
export function mayJoinView(view: JobsView, job: PublicJob, filters: JobFilters): boolean {
  return matchesJobFilters(job, filters) && !locateJob(view, job._id);
}

/** Every loaded page becomes stale: still shown, fetched again once on screen. */
export function markStale(view: JobsView): JobsView {
  return { ...view, epoch: view.epoch + 1 };
}

/** A page on screen is fetched when missing, shorter than the total says, or stale. */
export function pageNeedsFetch(view: JobsView, index: number, pageSize: number): boolean {
  const loaded = view.pages.get(index);
  if (!loaded) return true;
  return loaded.epoch < view.epoch || loaded.rows.length < expectedPageLength(index, view.total, pageSize);
}

/**
 * A fetched page merged with states pushed while the request was in flight: a pushed state newer
 * than the fetched one replaces it, and a row that no longer matches the filters is left out (the
 * page then comes up short and is fetched again when on screen).
 */
export function mergeFetchedRows(
  rows: readonly PublicJob[],
  pushed: ReadonlyMap<string, PublicJob>,
  filters: JobFilters,
): PublicJob[] {
  return rows.map((j) => newerJob(j, pushed.get(j._id))).filter((j) => matchesJobFilters(j, filters));
}

/**
 * The view with one fetched page, requested at `requestEpoch`. When the server's total differs from
 * the view's, rows of the other pages may have moved: they stay on screen but become stale.
 */
export function withFetchedPage(
  view: JobsView,
  index: number,
  rows: readonly PublicJob[],
  total: number,
  requestEpoch: number,
): JobsView {
  const moved = total !== view.total;
  const epoch = moved ? view.epoch + 1 : view.epoch;
  const pageEpoch = moved && requestEpoch === view.epoch ? epoch : requestEpoch;
  const pages = new Map(view.pages);
  pages.set(index, { rows, epoch: pageEpoch });
  return { pages, total, epoch };
}
