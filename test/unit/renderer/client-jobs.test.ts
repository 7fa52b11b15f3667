import { describe, expect, it } from 'vitest';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { toPublicJob, type PublicJob } from '../../../src/shared/job';
import { jobsWithUpdate } from '../../../src/renderer/src/clients/client-jobs';

const base = new Date('2025-01-01T12:00:00Z');
function job(n: number): PublicJob {
  const at = new Date(base.getTime() - n * 1000);
  return {
    ...toPublicJob(buildPendingJob({ user_id: 'c', submission_id: 's', type: 'full' }, at)),
    _id: `j${n}`,
  };
}

describe('ficha de cliente: job list updates', () => {
  it('updates a listed job in place, keeps the list when nothing changes, inserts new jobs by date', () => {
    const list = [job(0), job(2), job(4)];
    const running: PublicJob = { ...job(2), status: 'running', updated_at: new Date(base.getTime() + 1) };
    expect(jobsWithUpdate(list, running, 50).map((j) => j.status)).toEqual(['pending', 'running', 'pending']);
    const stale: PublicJob = { ...job(2), updated_at: new Date(0) };
    expect(jobsWithUpdate(list, stale, 50)).toBe(list);
    expect(jobsWithUpdate(list, job(-1), 50).map((j) => j._id)).toEqual(['j-1', 'j0', 'j2', 'j4']);
    expect(jobsWithUpdate(list, job(3), 50).map((j) => j._id)).toEqual(['j0', 'j2', 'j3', 'j4']);
    expect(jobsWithUpdate(list, job(-1), 3).map((j) => j._id)).toEqual(['j-1', 'j0', 'j2']);
    expect(jobsWithUpdate(list, job(9), 3)).toBe(list);
  });
});
