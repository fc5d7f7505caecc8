/**
 * Slows down password guessing at an unattended desk: after `maxFailures` wrong
 * passwords in a row, attempts are refused for `lockoutMs`. A success resets it.
 */
export class AttemptThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly maxFailures = 5,
    private readonly lockoutMs = 30_000,
  ) {}

  /** Milliseconds until attempts are allowed again; 0 when allowed now. */
  waitMs(nowMs: number): number {
    return Math.max(0, this.blockedUntil - nowMs);
  }

  record(success: boolean, nowMs: number): void {
    if (success) {
      this.failures = 0;
      this.blockedUntil = 0;
      return;
    }
    this.failures += 1;
    if (this.failures >= this.maxFailures) {
      this.failures = 0;
      this.blockedUntil = nowMs + this.lockoutMs;
    }
  }
}
