/**
 * The record puts and queue adds of one write() transaction, issued without waiting for
 * each: IndexedDB runs a transaction's requests in order (a later read sees an earlier
 * put), so only the transaction's end needs them done, and a save waits for two round
 * trips, not six. They are counted, not kept: an import issues 250,000 of them, and one
 * Promise.all over that many settled promises ran a callback for each at the very end, a
 * stall of the window (issue #15; docs/import.md, "The window during a large import").
 */
export class IssuedWrites {
  /** The first write that failed: the error write() reports. */
  firstFailure: unknown = undefined;
  private pending = 0;
  private drained: (() => void) | null = null;

  /** Settled either way, so a write that fails while the work goes on is never an unhandled rejection. */
  issue(request: Promise<unknown>): void {
    this.pending += 1;
    const settled = () => {
      this.pending -= 1;
      if (this.pending === 0) this.drained?.();
    };
    void request.then(settled, (error: unknown) => {
      this.firstFailure ??= error;
      settled();
    });
  }

  /** Resolves once every write issued so far has settled. */
  allSettled(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.drained = resolve;
    });
  }
}
