import type { PublicJob } from '@shared/job';

/**
 * The ficha's job list (newest first, at most `limit`) with one new state of a job: in place when
 * listed (unless older than the listed state), else inserted by creation date, as the server lists.
 * Returns `list` itself when nothing changes.
 */
export function jobsWithUpdate(list: PublicJob[], job: PublicJob, limit: number): PublicJob[] {
  const at = list.findIndex((j) => j._id === job._id);
  if (at >= 0) {
    const current = list[at] as PublicJob;
    if (job.updated_at.getTime() < current.updated_at.getTime()) return list;
    return list.map((j, i) => (i === at ? job : j));
  }
  const before = list.findIndex((j) => j.created_at.getTime() < job.created_at.getTime());
  const position = before < 0 ? list.length : before;
  // Older than every listed job of a full list: it lies beyond what the ficha shows.
  if (position >= limit) return list;
  return [...list.slice(0, position), job, ...list.slice(position)].slice(0, limit);
}
