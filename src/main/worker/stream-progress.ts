/**
 * How far the running agents' answers have come (the orchestrator reports each as a fraction of
 * its expected length, pipeline/expected-lengths.ts; docs/ARCHITECTURE.md "Progress within an
 * agent"). It turns a bar that moved once per agent — a minute with a real model — into one that
 * moves every `intervalMs` while the model writes, and decides when that is worth a database write.
 */
export class StreamProgress {
  private readonly fractions = new Map<string, number>();
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private writing = false;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An agent starts: its answer is at 0. */
  begin(agentId: string): void {
    this.fractions.set(agentId, 0);
  }

  /** The agent finished or failed: its share is counted as a step, or not at all. */
  end(agentId: string): void {
    this.fractions.delete(agentId);
  }

  /**
   * A running agent's answer is at `fraction` (0–1). True when the job's percentage should be
   * written now: it moved, the last write is `intervalMs` old, and none is still on its way. The
   * share never falls back: a request retried after a cut stream counts from where the last
   * complete one ended, and stands still until it passes that point.
   */
  advanced(agentId: string, fraction: number): boolean {
    const before = this.fractions.get(agentId);
    if (before === undefined || fraction <= before) return false;
    this.fractions.set(agentId, Math.min(1, fraction));
    const at = this.now();
    if (this.writing || at - this.lastWriteAt < this.intervalMs) return false;
    this.lastWriteAt = at;
    return true;
  }

  /** Brackets the write `advanced` asked for, so a slow database never gets a queue of them. */
  async write(run: () => Promise<void>): Promise<void> {
    this.writing = true;
    try {
      await run();
    } finally {
      this.writing = false;
    }
  }

  /** Steps' worth of work the running agents have done (0.5 + 0.25 for two half-written answers). */
  partial(): number {
    let sum = 0;
    for (const fraction of this.fractions.values()) sum += fraction;
    return sum;
  }
}
