import { toAppErrorData } from '@shared/errors/appError';
import { backoffMs, clockSkewFromHq, maxClockSkewMs } from '@shared/sync/backoff';
import { syncOnce, type SyncProgress } from '@shared/sync/engine';
import type { SyncStore } from '@shared/sync/ports';
import type { SyncStatusValues } from './syncStatus';
import type { DeskSyncTransport } from './transport';

/** setTimeout/clearTimeout, injectable so tests drive time by hand. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  store: SyncStore;
  transport: DeskSyncTransport;
  /** Receives every status change (the zustand store's patch in the app). */
  report: (values: Partial<SyncStatusValues>) => void;
  /** Keeps the last success across restarts. */
  saveLastSuccess?: (at: string) => Promise<void>;
  timers?: Timers;
  random?: () => number;
  now?: () => number;
  /** False only when the browser knows it is offline (navigator.onLine). */
  isOnline?: () => boolean;
  /** Quiet time after a local change before sending it. */
  debounceMs?: number;
  /** Time between rounds while everything works. */
  intervalMs?: number;
}

/** Never retry sooner than this, whatever the jitter drew. */
export const minRetryMs = 1_000;

const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Decides when the sync engine runs: at start, shortly after local changes
 * (debounced), every few minutes, on 立即同步 and when the network comes back; after a
 * failure it waits with exponential backoff and jitter. At most one round runs at a
 * time: a request during a round runs one more round after it. stop() lets the round
 * finish its current step (each is atomic) and starts nothing new.
 */
export class SyncScheduler {
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly isOnline: () => boolean;
  private readonly debounceMs: number;
  private readonly intervalMs: number;
  private nextRun: unknown = null;
  private debounce: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private enrolled = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.isOnline = options.isOnline ?? (() => true);
    this.debounceMs = options.debounceMs ?? 2_000;
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
  }

  /** Whether the enrollment last read says the desk is enrolled. */
  get isEnrolled(): boolean {
    return this.enrolled;
  }

  /** Reads the enrollment and, when enrolled, starts the first round. */
  start(): Promise<void> {
    return this.reloadEnrollment();
  }

  async reloadEnrollment(): Promise<void> {
    if (this.stopped) return;
    let enrollment;
    try {
      enrollment = await this.options.transport.status();
    } catch (error) {
      this.options.report({ state: { kind: 'error', error: toAppErrorData(error) } });
      return;
    }
    if (this.stopped) return;
    this.enrolled = enrollment.enrolled;
    this.options.report({ hqUrl: enrollment.hqUrl });
    if (!this.enrolled) {
      this.clearTimers();
      this.options.report({ state: { kind: 'not_enrolled' } });
      return;
    }
    this.failures = 0;
    this.trigger();
  }

  /** 立即同步: now, even during a backoff wait. */
  syncNow(): void {
    this.trigger();
  }

  /** The queue grew: send it once the registrar pauses (not sooner than a backoff allows). */
  localChange(): void {
    if (!this.enrolled || this.stopped || this.failures > 0) return;
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = this.timers.setTimeout(() => {
      this.debounce = null;
      this.trigger();
    }, this.debounceMs);
  }

  /** The browser's online/offline events. */
  setOnline(online: boolean): void {
    if (online) this.trigger();
    else if (!this.running && this.enrolled) this.options.report({ state: { kind: 'offline' } });
  }

  noteHqTime(hqTime: string): void {
    const skew = clockSkewFromHq(hqTime, this.now());
    this.options.report({ clockSkewMs: Math.abs(skew) > maxClockSkewMs ? skew : null });
  }

  /** No new round, no timers; resolves when the running round has stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    await this.running;
  }

  /** Whether a round is running now (for tests and the UI's button state). */
  get busy(): boolean {
    return this.running !== null;
  }

  private trigger(): void {
    if (!this.enrolled || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimers();
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.trigger();
      }
    });
  }

  private async round(): Promise<void> {
    if (!this.isOnline()) {
      this.options.report({ state: { kind: 'offline' } });
      this.schedule(this.intervalMs);
      return;
    }
    this.options.report({ state: { kind: 'syncing', phase: 'pushing', done: 0, total: 0 } });
    try {
      const result = await syncOnce(this.options.store, this.options.transport, {
        onProgress: (progress) => this.progress(progress),
        shouldStop: () => this.stopped,
      });
      if (this.stopped) return;
      this.failures = 0;
      const at = new Date(this.now()).toISOString();
      this.options.report({ state: { kind: 'idle' }, lastSuccessAt: at });
      if (result.hqTime) this.noteHqTime(result.hqTime);
      this.schedule(this.intervalMs);
      await this.options.saveLastSuccess?.(at).catch(() => undefined);
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      // A request that came in during a failing round waits for the backoff too.
      this.again = false;
      const data = toAppErrorData(error);
      this.options.report({
        state: data.code === 'unavailable' ? { kind: 'offline' } : { kind: 'error', error: data },
      });
      this.schedule(Math.max(minRetryMs, backoffMs(this.failures, this.random)));
    }
  }

  private progress(progress: SyncProgress): void {
    if (this.stopped) return;
    this.options.report({ state: { kind: 'syncing', ...progress } });
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.nextRun !== null) this.timers.clearTimeout(this.nextRun);
    this.nextRun = this.timers.setTimeout(() => {
      this.nextRun = null;
      this.trigger();
    }, ms);
  }

  private clearTimers(): void {
    if (this.nextRun !== null) this.timers.clearTimeout(this.nextRun);
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.nextRun = null;
    this.debounce = null;
  }
}
