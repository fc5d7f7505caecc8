import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import type { SyncStatusValues } from '../../../renderer/src/sync/syncStatus';
import type { DeskSyncTransport } from '../../../renderer/src/sync/transport';
import type { FromWorker, ToWorker } from '../../../renderer/src/sync/worker/messages';
import { PageTransport } from '../../../renderer/src/sync/worker/pageTransport';
import { SyncWorkerHost } from '../../../renderer/src/sync/worker/syncWorkerHost';
import { openTestDesk } from '../../fakes/deskFixtures';

/**
 * The page and the sync worker as Electron pairs them: the worker's HQ calls made by the
 * page's transport (the main process, there) and answered back, errors in the one shape;
 * what the worker reports reaching the status store; a stop that ends the worker. The
 * worker's side is the real PageTransport, over a message pipe that structured-clones
 * like postMessage (the browser build's worker itself runs in syncWorker.e2e.ts).
 */
function pipe() {
  const toWorker: ToWorker[] = [];
  let host: ((event: MessageEvent<FromWorker>) => void) | null = null;
  let terminated = false;
  const fromWorker = (message: FromWorker) =>
    host?.({ data: structuredClone(message) } as MessageEvent<FromWorker>);
  const worker = new PageTransport(fromWorker);
  const fake = {
    set onmessage(handler: (event: MessageEvent<FromWorker>) => void) {
      host = handler;
    },
    onerror: null,
    postMessage(message: ToWorker) {
      const copy = structuredClone(message);
      toWorker.push(copy);
      if (copy.type === 'transportReply') worker.settle(copy.id, copy);
      if (copy.type === 'stop') fromWorker({ type: 'stopped' });
    },
    terminate() {
      terminated = true;
    },
  };
  return {
    fake: fake as unknown as Worker,
    worker,
    toWorker,
    fromWorker,
    terminated: () => terminated,
  };
}

describe('the sync worker and its page', () => {
  it('makes the worker’s HQ calls with the page’s transport and hands back answers and errors', async () => {
    const { db } = await openTestDesk();
    const { fake, worker, toWorker, fromWorker, terminated } = pipe();
    const seen: Partial<SyncStatusValues>[] = [];
    const calls: string[] = [];
    const pageTransport: DeskSyncTransport = {
      status: async () => ({ enrolled: true, hqUrl: 'https://hq.example', deviceId: 'd1' }),
      enroll: () => Promise.reject(new Error('not here')),
      push: async (request) => {
        calls.push(`push ${JSON.stringify(request)}`);
        return { body: 'pushed', signature: 'sig' } as never;
      },
      pull: async () => {
        throw new AppError({ code: 'unauthenticated', message: 'HQ does not know this desk.' });
      },
    };
    const host = SyncWorkerHost.start({
      db,
      pageTransport,
      report: (values) => seen.push(values),
      online: true,
      makeWorker: () => fake,
    });
    if (!host) throw new Error('no host');
    const start = toWorker[0];
    expect(start).toMatchObject({ type: 'start', databaseName: db.name, viaPage: true });
    expect(start?.type === 'start' && start.dataKey).toEqual(db.atRest.dataKey);

    expect(await worker.status()).toEqual({
      enrolled: true,
      hqUrl: 'https://hq.example',
      deviceId: 'd1',
    });
    expect(await worker.push({ ops: [] } as never)).toEqual({ body: 'pushed', signature: 'sig' });
    expect(calls).toEqual(['push {"ops":[]}']);
    const refused = await worker.pull({} as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'unauthenticated' });

    fromWorker({ type: 'status', values: { state: { kind: 'otherTab' } } });
    expect(seen).toEqual([{ state: { kind: 'otherTab' } }]);

    host.controls.syncNow();
    host.localChange();
    host.setOnline(false);
    expect(toWorker.slice(-3).map((m) => m.type)).toEqual(['syncNow', 'localChange', 'online']);
    const stopping = host.stop();
    // A stopping worker's last report is not shown (a failed sync's error stays).
    fromWorker({
      type: 'status',
      values: { state: { kind: 'syncing', phase: 'pulling', done: 1, total: 2 } },
    });
    expect(seen).toEqual([{ state: { kind: 'otherTab' } }]);
    await stopping;
    expect(terminated()).toBe(true);
  });

  it('is not started for a store without a key to hand over', async () => {
    const { db } = await openTestDesk();
    db.atRest.dataKey = null;
    const host = SyncWorkerHost.start({
      db,
      pageTransport: null,
      report: () => undefined,
      online: true,
      makeWorker: () => pipe().fake,
    });
    expect(host).toBeNull();
  });

  it('hands sync back to the page when the worker fails to load, and only then', async () => {
    const { db } = await openTestDesk();
    const failing = (heardFirst: boolean) => {
      const { fake, fromWorker, terminated } = pipe();
      let unavailable = 0;
      const seen: Partial<SyncStatusValues>[] = [];
      SyncWorkerHost.start({
        db,
        pageTransport: null,
        report: (values) => seen.push(values),
        online: true,
        onUnavailable: () => (unavailable += 1),
        makeWorker: () => fake,
      });
      if (heardFirst) fromWorker({ type: 'status', values: {} });
      const onerror = (fake as unknown as { onerror: (e: object) => void }).onerror;
      onerror({ preventDefault: () => undefined, message: 'boom' });
      return { unavailable, seen, terminated: terminated() };
    };
    // Never loaded: the page syncs instead.
    expect(failing(false)).toMatchObject({ unavailable: 1, terminated: true, seen: [] });
    // Loaded, then failed: an error in the status bar, not a second sync.
    const late = failing(true);
    expect(late.unavailable).toBe(0);
    expect(late.seen.at(-1)).toMatchObject({ state: { kind: 'error' } });
  });
});
