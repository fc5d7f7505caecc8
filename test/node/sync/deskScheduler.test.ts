import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { SyncScheduler } from '../../../renderer/src/sync/syncScheduler';
import type { SyncStatusValues } from '../../../renderer/src/sync/syncStatus';
import {
  FakeHq,
  ManualTimers,
  MemoryStore,
  queueEntry,
  settle,
  unreachable,
} from './deskSyncFakes';

const minute = 60_000;

function setup(options: { random?: () => number; online?: () => boolean } = {}) {
  const timers = new ManualTimers();
  const store = new MemoryStore();
  const hq = new FakeHq();
  const reports: Partial<SyncStatusValues>[] = [];
  let status: Partial<SyncStatusValues> = {};
  const saved: string[] = [];
  const scheduler = new SyncScheduler({
    store,
    transport: hq,
    report: (values) => {
      reports.push(values);
      status = { ...status, ...values };
    },
    saveLastSuccess: async (at) => {
      saved.push(at);
    },
    timers,
    random: options.random ?? (() => 1),
    now: () => Date.UTC(2026, 2, 2, 1, 0, 0) + timers.now,
    isOnline: options.online ?? (() => true),
  });
  const start = async () => {
    await scheduler.start();
    await settle();
  };
  return { timers, store, hq, scheduler, reports, status: () => status, saved, start };
}

describe('the sync scheduler', () => {
  it('does nothing but say so while the desk is not enrolled', async () => {
    const t = setup();
    t.hq.enrolled = false;
    t.store.queue.push(queueEntry());
    await t.start();
    t.scheduler.localChange();
    t.scheduler.syncNow();
    await t.timers.advance(10 * minute);
    expect(t.hq.calls).toEqual([]);
    expect(t.status().state).toEqual({ kind: 'not_enrolled' });
    expect(t.timers.pending()).toEqual([]);
  });

  it('syncs at start, reports progress and success, then waits five minutes', async () => {
    const t = setup();
    t.store.queue.push(queueEntry(), queueEntry());
    await t.start();
    expect(t.hq.calls).toEqual(['push:2', 'pull']);
    expect(t.store.queue).toEqual([]);
    expect(t.reports.map((r) => r.state)).toContainEqual({
      kind: 'syncing',
      phase: 'pushing',
      done: 0,
      total: 2,
    });
    expect(t.status()).toMatchObject({
      state: { kind: 'idle' },
      lastSuccessAt: '2026-03-02T01:00:00.000Z',
      clockSkewMs: null,
      hqUrl: 'http://127.0.0.1:8787',
    });
    expect(t.saved).toEqual(['2026-03-02T01:00:00.000Z']);
    expect(t.timers.pending()).toEqual([5 * minute]);
    await t.timers.advance(5 * minute);
    expect(t.hq.calls).toEqual(['push:2', 'pull', 'pull']);
  });

  it('sends local changes 2 s after the last one, in one round', async () => {
    const t = setup();
    await t.start();
    t.hq.calls = [];
    for (let i = 0; i < 3; i += 1) {
      t.store.queue.push(queueEntry());
      t.scheduler.localChange();
      await t.timers.advance(500);
    }
    expect(t.hq.calls).toEqual([]);
    await t.timers.advance(1_499);
    expect(t.hq.calls).toEqual([]);
    await t.timers.advance(1);
    expect(t.hq.calls).toEqual(['push:3', 'pull']);
  });

  it('backs off exponentially with jitter after failures, and recovers', async () => {
    const t = setup();
    t.hq.failures = Array.from({ length: 10 }, unreachable);
    await t.start();
    const delays: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const [next = 0] = t.timers.pending();
      delays.push(next);
      await t.timers.advance(next);
    }
    // random() = 1 draws the ceiling: 2 s doubling, capped at 5 minutes.
    expect(delays).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000,
    ]);
    expect(t.status().state).toEqual({ kind: 'offline' });
    await t.timers.advance(t.timers.pending()[0] ?? 0);
    expect(t.status().state).toEqual({ kind: 'idle' });
    expect(t.timers.pending()).toEqual([5 * minute]);
  });

  it('draws the wait at random below the ceiling, never under a second', async () => {
    const draws = [0.5, 0.25, 0];
    const t = setup({ random: () => draws.shift() ?? 1 });
    t.hq.failures = [unreachable(), unreachable(), unreachable()];
    await t.start();
    expect(t.timers.pending()).toEqual([1_000]); // 0.5 × 2 s
    await t.timers.advance(1_000);
    expect(t.timers.pending()).toEqual([1_000]); // 0.25 × 4 s
    await t.timers.advance(1_000);
    expect(t.timers.pending()).toEqual([1_000]); // 0 × 8 s, held at the floor
  });

  it('shows HQ refusing as an error with its reason, and keeps local changes waiting', async () => {
    const t = setup();
    const refused = new AppError({ code: 'unauthenticated', message: 'Unknown device token.' });
    t.hq.failures = [refused];
    t.store.queue.push(queueEntry());
    await t.start();
    expect(t.status().state).toEqual({ kind: 'error', error: refused.toData() });
    t.scheduler.localChange(); // does not cut the backoff short
    expect(t.timers.pending()).toEqual([2_000]);
    expect(t.store.queue).toHaveLength(1);
  });

  it('never runs two rounds at once: requests during a round make one more round', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    t.hq.gate = new Promise<void>((resolve) => (release = resolve));
    t.store.queue.push(queueEntry());
    await t.start();
    expect(t.scheduler.busy).toBe(true);
    t.store.queue.push(queueEntry());
    t.scheduler.syncNow();
    t.scheduler.syncNow();
    t.scheduler.localChange();
    await t.timers.advance(5_000);
    t.hq.gate = null;
    release();
    await settle();
    expect(t.hq.maxInFlight).toBe(1);
    // The running round picks up the op queued meanwhile; the requests made one more round.
    expect(t.hq.calls).toEqual(['push:1', 'push:1', 'pull', 'pull']);
    expect(t.scheduler.busy).toBe(false);
  });

  it('stops cleanly: the running step ends, nothing new starts', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    t.hq.gate = new Promise<void>((resolve) => (release = resolve));
    t.store.queue.push(queueEntry());
    await t.start();
    const stopped = t.scheduler.stop();
    release();
    await stopped;
    // The push HQ answered is acknowledged; the pull is not started.
    expect(t.hq.calls).toEqual(['push:1']);
    expect(t.store.queue).toEqual([]);
    t.scheduler.syncNow();
    t.scheduler.localChange();
    await t.timers.advance(10 * minute);
    expect(t.hq.calls).toEqual(['push:1']);
    expect(t.timers.pending()).toEqual([]);
  });

  it('waits while the browser is offline and goes as soon as it is back', async () => {
    let online = false;
    const t = setup({ online: () => online });
    t.store.queue.push(queueEntry());
    await t.start();
    expect(t.hq.calls).toEqual([]);
    expect(t.status().state).toEqual({ kind: 'offline' });
    online = true;
    t.scheduler.setOnline(true);
    await settle();
    expect(t.hq.calls).toEqual(['push:1', 'pull']);
  });

  it('warns when the device clock is more than five minutes off HQ', async () => {
    const t = setup();
    t.hq.hqTime = () => '2026-03-02T00:50:00.000Z'; // HQ is 10 minutes behind this device
    await t.start();
    expect(t.status().clockSkewMs).toBe(10 * minute);
    t.hq.hqTime = () => '2026-03-02T01:04:00.000Z';
    t.scheduler.syncNow();
    await settle();
    expect(t.status().clockSkewMs).toBeNull();
  });

  it('starts syncing once the desk is enrolled', async () => {
    const t = setup();
    t.hq.enrolled = false;
    await t.start();
    t.hq.enrolled = true;
    await t.scheduler.reloadEnrollment();
    await settle();
    expect(t.hq.calls).toEqual(['pull']);
    expect(t.status().state).toEqual({ kind: 'idle' });
  });
});
