/**
 * Stand-ins for the scheduler tests: hand-driven timers, an in-memory SyncStore, and
 * a fake HQ transport that checks every request and answer with the protocol's own
 * schemas (so it speaks exactly the shapes the real HQ does).
 */
import { AppError } from '@shared/errors/appError';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import { signHqAnswer, type SignedAnswer } from '@shared/sync/hqSignature';
import type { HqTrust, SyncStore } from '@shared/sync/ports';
import {
  initialCursor,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  type OpResult,
  type PullRequest,
  type PushRequest,
  type ServerChange,
  type SyncCursor,
} from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { Timers } from '../../../renderer/src/sync/syncScheduler';
import type { DeskSyncTransport, Enrollment } from '../../../renderer/src/sync/transport';

interface Task {
  id: number;
  at: number;
  run: () => void;
}

/** Timers that move only when the test says so. */
export class ManualTimers implements Timers {
  now = 0;
  private nextId = 1;
  private tasks: Task[] = [];

  setTimeout(run: () => void, ms: number): unknown {
    const task = { id: this.nextId++, at: this.now + ms, run };
    this.tasks.push(task);
    return task.id;
  }

  clearTimeout(handle: unknown): void {
    this.tasks = this.tasks.filter((task) => task.id !== handle);
  }

  /** Delays (from now) of the timers still waiting, soonest first. */
  pending(): number[] {
    return this.tasks.map((task) => task.at - this.now).sort((a, b) => a - b);
  }

  /** Moves time on, running each timer that comes due, and lets its work settle. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.tasks
        .filter((task) => task.at <= until)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((task) => task !== due);
      this.now = due.at;
      due.run();
      await settle();
    }
    this.now = until;
  }
}

/**
 * WebCrypto calls still running. Signing and checking pull pages is work Node finishes
 * on its thread pool, not in a turn of the event loop, so settle() waits for these by
 * count instead of guessing a time (a loaded machine made any fixed wait flaky).
 */
let cryptoInFlight = 0;
const subtle = globalThis.crypto.subtle as unknown as Record<
  string,
  (...args: unknown[]) => Promise<unknown>
>;
for (const name of ['digest', 'sign', 'verify', 'importKey', 'exportKey', 'generateKey']) {
  const original = subtle[name]?.bind(globalThis.crypto.subtle);
  if (!original) continue;
  subtle[name] = (...args) => {
    cryptoInFlight += 1;
    return original(...args).finally(() => {
      cryptoInFlight -= 1;
    });
  };
}

/** Lets pending promise chains (store, transport, scheduler, WebCrypto) run to their next wait. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    for (let waited = 0; cryptoInFlight > 0 && waited < 5_000; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

/** The fake HQ's signing key, which the memory store has pinned (one for all tests). */
const fakeHqKeys = (async () => {
  const keys = await generatePackageKeys();
  const { signing } = await exportPublicKeys(keys);
  return { privateKey: keys.signing.privateKey, publicKey: signing, keyId: await keyId(signing) };
})();
const fakeDeviceId = 'hq-device-1';

export class MemoryStore implements SyncStore {
  queue: QueueEntry[] = [];
  cursorValue: SyncCursor = initialCursor;
  applied: ServerChange[] = [];

  pendingOps(limit: number) {
    return Promise.resolve(this.queue.slice(0, limit));
  }
  pendingCount() {
    return Promise.resolve(this.queue.length);
  }
  acknowledge(results: OpResult[]) {
    const done = new Set(results.filter((r) => r.status !== 'deferred').map((r) => r.opId));
    this.queue = this.queue.filter((entry) => !done.has(entry.opId));
    return Promise.resolve();
  }
  cursor() {
    return Promise.resolve(this.cursorValue);
  }
  applyPulled(changes: ServerChange[], cursor: SyncCursor) {
    this.applied.push(...changes);
    this.cursorValue = cursor;
    return Promise.resolve();
  }
  async hqTrust(): Promise<HqTrust> {
    return { deviceId: fakeDeviceId, signingKey: (await fakeHqKeys).publicKey };
  }
}

let seq = 0;
export function queueEntry(): QueueEntry {
  seq += 1;
  return {
    seq,
    opId: `op-${seq}`,
    txId: `tx-${seq}`,
    deviceId: 'device-1',
    officeId: 'office-chengguan',
    kind: 'person',
    recordId: `person-${seq}`,
    op: 'update',
    fields: { phone: `1380000${String(seq).padStart(4, '0')}` },
    baseVersion: 1,
    transition: null,
    reason: null,
    hlc: `${String(1_767_225_600_000 + seq).padStart(15, '0')}-000000-device-1`,
    actor: { userId: 'user-registrar', name: '王登记', role: 'registrar' },
    createdAt: '2026-03-02T01:00:00.000Z',
  };
}

/** HQ in memory: applies each op once, serves its change log page by page. */
export class FakeHq implements DeskSyncTransport {
  enrolled = true;
  /** Each push or pull, in order, as 'push:<n ops>' or 'pull'. */
  calls: string[] = [];
  /** Calls that will fail before HQ answers (a dropped network, or HQ's error body). */
  failures: AppError[] = [];
  /** Set to hold push answers until released, to catch overlapping rounds. */
  gate: Promise<void> | null = null;
  inFlight = 0;
  maxInFlight = 0;
  changes: ServerChange[] = [];
  hqTime = () => new Date(Date.UTC(2026, 2, 2, 1, 0, 0)).toISOString();
  private serverSeq = 0;

  status(): Promise<Enrollment> {
    return Promise.resolve({
      enrolled: this.enrolled,
      hqUrl: this.enrolled ? 'http://127.0.0.1:8787' : null,
      deviceId: this.enrolled ? fakeDeviceId : null,
    });
  }

  enroll(): never {
    throw new Error('not used by the scheduler');
  }

  async push(request: PushRequest): Promise<SignedAnswer> {
    const { ops, nonce = '' } = pushRequestSchema.parse(request);
    return this.call(`push:${ops.length}`, async () => {
      if (this.gate) await this.gate;
      const results = ops.map((op) => ({
        opId: op.opId,
        seq: op.seq,
        status: 'applied' as const,
        serverSeq: (this.serverSeq += 1),
      }));
      const answer = pushResponseSchema.parse({ results, hqTime: this.hqTime() });
      // Signed as HQ signs a push answer (hq/src/http/server.ts), for the store's pinned key.
      const body = new TextEncoder().encode(JSON.stringify(answer));
      const opIds = ops.map((op) => op.opId);
      const signedFor = { answer: 'push', deviceId: fakeDeviceId, nonce, opIds } as const;
      return { body, signature: await signHqAnswer(body, signedFor, await fakeHqKeys) };
    });
  }

  async pull(request: PullRequest): Promise<SignedAnswer> {
    const { cursor, limit, nonce = '' } = pullRequestSchema.parse(request);
    return this.call('pull', async () => {
      const after = this.changes.filter((c) => c.seq > cursor.office);
      const page = after.slice(0, limit);
      const last = page.at(-1)?.seq ?? cursor.office;
      const answer = pullResponseSchema.parse({
        changes: page,
        cursor: { ...cursor, office: last },
        hasMore: after.length > page.length,
        hqTime: this.hqTime(),
      });
      // Signed as HQ signs a page (hq/src/http/server.ts), for the store's pinned key.
      const body = new TextEncoder().encode(JSON.stringify(answer));
      const signedFor = { answer: 'pull', deviceId: fakeDeviceId, cursor, nonce } as const;
      return { body, signature: await signHqAnswer(body, signedFor, await fakeHqKeys) };
    });
  }

  private async call<T>(name: string, answer: () => Promise<T>): Promise<T> {
    this.calls.push(name);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const failure = this.failures.shift();
      if (failure) throw failure;
      return await answer();
    } finally {
      this.inFlight -= 1;
    }
  }
}

export const unreachable = () =>
  new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
