/**
 * Slows down password guessing at an unattended desk: after `maxFailures` wrong
 * passwords in a row, attempts are refused for `lockoutMs`. A success resets it.
 *
 * The count and the block are kept in `store` (the window's localStorage at the desk), so
 * reloading the page or restarting the app does not give a guesser five fresh tries. A
 * store that cannot be read (missing, edited into nonsense) counts as no failures yet,
 * never as a block without end.
 */
export interface ThrottleStore {
  load(): string | null;
  save(text: string): void;
}

interface ThrottleState {
  failures: number;
  blockedUntil: number;
}

const fresh: ThrottleState = { failures: 0, blockedUntil: 0 };

export class AttemptThrottle {
  private state: ThrottleState;

  constructor(
    private readonly maxFailures = 5,
    private readonly lockoutMs = 30_000,
    private readonly store: ThrottleStore | null = null,
  ) {
    this.state = this.read();
  }

  /** Milliseconds until attempts are allowed again; 0 when allowed now. */
  waitMs(nowMs: number): number {
    this.state = this.read();
    // A block longer than one lockout from now was not written by this code.
    const until = Math.min(this.state.blockedUntil, nowMs + this.lockoutMs);
    return Math.max(0, until - nowMs);
  }

  record(success: boolean, nowMs: number): void {
    const current = this.read();
    if (success) {
      this.write(fresh);
      return;
    }
    const failures = current.failures + 1;
    this.write(
      failures >= this.maxFailures
        ? { failures: 0, blockedUntil: nowMs + this.lockoutMs }
        : { failures, blockedUntil: current.blockedUntil },
    );
  }

  private read(): ThrottleState {
    if (!this.store) return this.state ?? fresh;
    try {
      const parsed: unknown = JSON.parse(this.store.load() ?? 'null');
      if (parsed && typeof parsed === 'object') {
        const { failures, blockedUntil } = parsed as Record<string, unknown>;
        if (
          Number.isInteger(failures) &&
          (failures as number) >= 0 &&
          Number.isFinite(blockedUntil)
        ) {
          return { failures: failures as number, blockedUntil: blockedUntil as number };
        }
      }
    } catch {
      // Unreadable: as if nothing had failed yet (see above).
    }
    return fresh;
  }

  private write(state: ThrottleState): void {
    this.state = state;
    this.store?.save(JSON.stringify(state));
  }
}

/** The desk's throttle store: one entry of the window's localStorage. */
export function localStorageThrottleStore(key = 'desk.loginThrottle'): ThrottleStore {
  return {
    load: () => localStorage.getItem(key),
    save: (text) => localStorage.setItem(key, text),
  };
}
