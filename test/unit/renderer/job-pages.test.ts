import { describe, expect, it } from 'vitest';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { toPublicJob, type PublicJob } from '../../../src/shared/job';
import {
  applyJobUpdate,
  EMPTY_VIEW,
  jobAt,
  markStale,
  mayJoinView,
  mergeFetchedRows,
  pageNeedsFetch,
  removeJob,
  withFetchedPage,
  type JobFilters,
  type JobsView,
} from '../../../src/renderer/src/jobs/job-pages';

const P = 3;
const ALL: JobFilters = { status: null, type: null, userId: null };
const RUNNING: JobFilters = { ...ALL, status: 'running' };
const base = new Date('2025-01-01T12:00:00Z');

/** Job n: n seconds older than job 0 (the list is newest first), running. */
function job(n: number, changes: Partial<PublicJob> = {}): PublicJob {
  const at = new Date(base.getTime() - n * 1000);
  const built = toPublicJob(
    buildPendingJob({ user_id: `c${n}`, submission_id: `s${n}`, type: 'training' }, at),
  );
  return { ...built, _id: `j${n}`, status: 'running', updated_at: at, ...changes };
}

function later(j: PublicJob, changes: Partial<PublicJob>): PublicJob {
  return { ...j, updated_at: new Date(j.updated_at.getTime() + 60_000), ...changes };
}

/** A view with the given pages loaded (index → job numbers) and `total` jobs. */
function viewOf(pages: Record<number, number[]>, total: number): JobsView {
  return {
    pages: new Map(
      Object.entries(pages).map(([i, ns]) => [Number(i), { rows: ns.map((n) => job(n)), epoch: 0 }]),
    ),
    total,
    epoch: 0,
  };
}

const ids = (view: JobsView, page: number) => view.pages.get(page)?.rows.map((j) => j._id);

describe('Trabajos pages (live updates)', () => {
  it('updates a loaded job in place and ignores an older state arriving late', () => {
    const view = viewOf({ 0: [0, 1, 2] }, 3);
    const progressed = later(job(1), { progress: { ...job(1).progress, percentage: 50 } });
    const next = applyJobUpdate(view, progressed, RUNNING, P);
    expect(jobAt(next, 1, P)?.progress.percentage).toBe(50);
    expect(next.total).toBe(3);
    expect(applyJobUpdate(next, job(1), RUNNING, P)).toBe(next);
  });

  it('drops a loaded job that stops matching the filter; later rows move up across pages', () => {
    const view = viewOf({ 0: [0, 1, 2], 1: [3, 4, 5], 2: [6, 7] }, 8);
    const done = later(job(1), { status: 'completed' });
    const next = applyJobUpdate(view, done, RUNNING, P);
    expect(next.total).toBe(7);
    expect(ids(next, 0)).toEqual(['j0', 'j2', 'j3']);
    expect(ids(next, 1)).toEqual(['j4', 'j5', 'j6']);
    expect(ids(next, 2)).toEqual(['j7']);
    expect([0, 1, 2].some((i) => pageNeedsFetch(next, i, P))).toBe(false);
    // Without a filter the same state stays, in place.
    expect(applyJobUpdate(view, done, ALL, P).total).toBe(8);
  });

  it('a page whose next page is not loaded comes up short and is fetched again', () => {
    const view = viewOf({ 0: [0, 1, 2], 2: [6, 7, 8] }, 9);
    const next = removeJob(view, 'j0', P);
    expect(ids(next, 0)).toEqual(['j1', 'j2']);
    expect(pageNeedsFetch(next, 0, P)).toBe(true);
    // Page 2 lost its first row to page 1 (not loaded) and has no page 3 to take one from.
    expect(ids(next, 2)).toEqual(['j7', 'j8']);
    expect(pageNeedsFetch(next, 2, P)).toBe(false);
  });

  it('only a job that matches and is not loaded may join the list (then refetch, nothing else)', () => {
    const view = viewOf({ 0: [0, 1, 2] }, 3);
    expect(mayJoinView(view, job(9), RUNNING)).toBe(true);
    expect(mayJoinView(view, job(9, { status: 'completed' }), RUNNING)).toBe(false);
    expect(mayJoinView(view, later(job(1), {}), RUNNING)).toBe(false);
    expect(mayJoinView(view, job(9), { ...ALL, userId: 'someone-else' })).toBe(false);
    // applyJobUpdate leaves the view alone for a job it has not loaded.
    expect(applyJobUpdate(view, job(9), RUNNING, P)).toBe(view);
  });

  it('stale pages stay shown until fetched again; a changed total makes the other pages stale', () => {
    const view = viewOf({ 0: [0, 1, 2], 1: [3, 4, 5] }, 6);
    const stale = markStale(view);
    expect(pageNeedsFetch(stale, 0, P)).toBe(true);
    expect(jobAt(stale, 0, P)?._id).toBe('j0');
    const fresh = withFetchedPage(stale, 0, [job(-1), job(0), job(1)], 7, stale.epoch);
    expect(pageNeedsFetch(fresh, 0, P)).toBe(false);
    expect(pageNeedsFetch(fresh, 1, P)).toBe(true);
    // A response to a request made before the view went stale is stale itself.
    const late = withFetchedPage(stale, 1, [job(3), job(4), job(5)], 6, view.epoch);
    expect(pageNeedsFetch(late, 1, P)).toBe(true);
    expect(pageNeedsFetch(EMPTY_VIEW, 0, P)).toBe(true);
  });

  it('a fetched page takes newer pushed states and leaves out rows that no longer match', () => {
    const pushed = new Map([
      ['j1', later(job(1), { status: 'completed' })],
      ['j2', { ...job(2), updated_at: new Date(0), status: 'failed' as const }],
    ]);
    const rows = mergeFetchedRows([job(0), job(1), job(2)], pushed, RUNNING);
    expect(rows.map((j) => j._id)).toEqual(['j0', 'j2']);
    expect(rows[1]?.status).toBe('running');
  });
});
