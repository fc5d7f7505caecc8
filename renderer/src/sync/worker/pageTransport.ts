/**
 * The worker's transport in Electron: each HQ call handed to the page, which makes it
 * through the preload (the main process holds the credential and talks to HQ), and its
 * answer or error handed back. The answers are checked in the worker as before: the
 * engine opens every signed answer itself.
 */
import { AppError, type AppErrorData } from '@shared/errors/appError';
import type { SignedAnswer } from '@shared/sync/hqSignature';
import type { DeskSyncTransport, Enrollment } from '../transport';
import type { FromWorker, TransportMethod } from './messages';

export class PageTransport implements DeskSyncTransport {
  private next = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();

  constructor(private readonly post: (message: FromWorker) => void) {}

  status(): Promise<Enrollment> {
    return this.call('status', null) as Promise<Enrollment>;
  }

  enroll(): never {
    // Enrolling is the settings screen's, in the page.
    throw new Error('The sync worker does not enroll.');
  }

  push(request: unknown): Promise<SignedAnswer> {
    return this.call('push', request) as Promise<SignedAnswer>;
  }

  pull(request: unknown): Promise<SignedAnswer> {
    return this.call('pull', request) as Promise<SignedAnswer>;
  }

  /** The page's answer to call `id`. */
  settle(id: number, outcome: { ok: true; value: unknown } | { ok: false; error: AppErrorData }) {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (outcome.ok) waiting.resolve(outcome.value);
    else waiting.reject(new AppError(outcome.error));
  }

  /** Every call still out fails (the worker is stopping). */
  abandon(): void {
    for (const [id, waiting] of this.waiting) {
      waiting.reject(new AppError({ code: 'unavailable', message: 'The sync worker stopped.' }));
      this.waiting.delete(id);
    }
  }

  private call(method: TransportMethod, request: unknown): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: 'transportCall', id, method, request });
    });
  }
}
