import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../../src/shared/ipc-contract';
import { planBlocks } from '../../../src/renderer/src/clients/plan-blocks';

function plan(id: string, previous: string | null, day: number): PlanSummary {
  return {
    _id: id,
    job_id: `job-${id}`,
    submission_id: 's',
    created_at: new Date(Date.UTC(2026, 10, day)),
    language: 'es',
    model: 'gpt-5-mini',
    audit_status: 'aprobado',
    delivery_status: 'deliverable',
    cost_usd: 0.01,
    unpriced_models: [],
    previous_plan_id: previous,
    version: 1,
    review_state: 'draft',
    delivered_version: null,
    delivered_at: null,
  };
}

describe('training blocks by lineage (Ficha de cliente)', () => {
  it('numbers continuations from their previous plan, not by list position', () => {
    // Newest first, as listed: c continues b, b continues a; d was generated from scratch.
    const plans = [plan('d', null, 4), plan('c', 'b', 3), plan('b', 'a', 2), plan('a', null, 1)];
    const blocks = planBlocks(plans);
    expect(blocks.get('a')).toEqual({ block: 1, previous: null, continuesUnlisted: false });
    expect(blocks.get('b')?.block).toBe(2);
    expect(blocks.get('b')?.previous?._id).toBe('a');
    expect(blocks.get('c')?.block).toBe(3);
    expect(blocks.get('d')).toEqual({ block: 1, previous: null, continuesUnlisted: false });
  });

  it('says when the chain starts before the listed page, and survives a cycle', () => {
    const blocks = planBlocks([plan('y', 'x', 2), plan('x', 'older', 1)]);
    expect(blocks.get('x')).toEqual({ block: 2, previous: null, continuesUnlisted: true });
    expect(blocks.get('y')).toMatchObject({ block: 3, continuesUnlisted: true });
    const cyclic = planBlocks([plan('p', 'q', 2), plan('q', 'p', 1)]);
    expect([...cyclic.values()].every((b) => Number.isInteger(b.block))).toBe(true);
  });
});
