import { liveQuery } from 'dexie';

/** A total as a screen's live query sees it, answer after answer. */
export interface LiveTotals {
  /** Every total the query answered, in order. */
  totals: number[];
  /**
   * The first answer came (the list as it was, before the test changes anything); rejects
   * as `reached` does when the query failed or never answered.
   */
  answered: Promise<void>;
  /** A total of `until` came; rejects with the totals seen if none did within the time. */
  reached: Promise<void>;
  stop(): void;
}

/**
 * Subscribes `read` as a Dexie live query (as a list on screen does) and records each
 * total it answers, until `until` appears or `timeoutMs` passes.
 */
export function liveTotals(
  read: () => Promise<number>,
  until: number,
  timeoutMs = 5000,
): LiveTotals {
  const totals: number[] = [];
  let firstSeen: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (firstSeen = resolve));
  let stop: () => void = () => undefined;
  const reached = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no total of ${until}: ${totals.join(', ')}`)),
      timeoutMs,
    );
    const subscription = liveQuery(read).subscribe({
      next: (total) => {
        totals.push(total);
        firstSeen();
        if (total === until) resolve();
      },
      error: reject,
    });
    stop = () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  });
  // Awaited by the test; a failure before it is awaited is not an unhandled rejection.
  reached.catch(() => undefined);
  return {
    totals,
    answered: Promise.race([answered, reached]),
    reached,
    stop: () => stop(),
  };
}
