/// <reference lib="webworker" />
/**
 * The sync worker (issue #17 item 1): the scheduler, the engine and their store work —
 * pushing the queue, applying HQ's pages, sealing what it writes — run here, off the
 * page's main thread, so the registrar's typing never waits for a page of HQ's records.
 *
 * It opens its own Dexie on the desk's store with the key the page gives it; the page's
 * live queries see its writes through Dexie's own cross-context notice (a
 * BroadcastChannel per database). It holds the store's sync lock (Web Locks) while it
 * runs, so a second tab or window of the same store waits instead of syncing the same
 * queue at once, and says so. In Electron its HQ calls go through the page, whose
 * preload reaches the main process (pageTransport.ts); in a browser it fetches itself.
 *
 * Runtime: a dedicated Web Worker (module), started by syncWorkerHost.ts.
 */
import { toAppErrorData } from '@shared/errors/appError';
import { setDataKeySource } from '../../db/atRest/keySource';
import { DeskDatabase } from '../../db/database';
import { DexieSyncStore } from '../dexieSyncStore';
import { browserFetch, createWebTransport } from '../httpTransport.web';
import { saveLastSuccess } from '../syncMeta';
import { SyncScheduler } from '../syncScheduler';
import { syncLockName, type FromWorker, type ToWorker } from './messages';
import { afterMetaChanges } from './metaChanges';
import { PageTransport } from './pageTransport';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker) => self.postMessage(message);

let scheduler: SyncScheduler | null = null;
let pageTransport: PageTransport | null = null;
let online = true;
let stopping: (() => void) | null = null;
let db: DeskDatabase | null = null;
/** While another tab or window holds sync's turn: says what this one waits for. */
let waitingTurn: { say(): Promise<void>; stop(): void } | null = null;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      void start(message).catch((error: unknown) =>
        post({ type: 'failed', error: toAppErrorData(error) }),
      );
      return;
    case 'syncNow':
      scheduler?.syncNow();
      return;
    case 'reloadEnrollment':
      void (scheduler?.reloadEnrollment() ?? waitingTurn?.say() ?? Promise.resolve()).finally(() =>
        post({ type: 'reloaded', id: message.id }),
      );
      return;
    case 'noteHqTime':
      scheduler?.noteHqTime(message.hqTime);
      return;
    case 'localChange':
      scheduler?.localChange();
      return;
    case 'online':
      online = message.online;
      scheduler?.setOnline(message.online);
      return;
    case 'transportReply':
      pageTransport?.settle(message.id, message);
      return;
    case 'stop':
      void stop();
      return;
  }
};

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  // Loaded and running: the page no longer falls back to syncing itself.
  post({ type: 'status', values: {} });
  online = message.online;
  const { databaseName, dataKey } = message;
  setDataKeySource((request) => (request.databaseName === databaseName ? dataKey : null));
  const store = new DeskDatabase(databaseName);
  db = store;
  await store.open();
  if (message.viaPage) pageTransport = new PageTransport(post);
  const transport = pageTransport ?? createWebTransport(store, browserFetch);
  const stopped = new Promise<void>((resolve) => (stopping = resolve));
  const run = async () => {
    if (stopping === null) return; // stopped while waiting for the lock
    const running = new SyncScheduler({
      store: new DexieSyncStore(store),
      transport,
      report: (values) => post({ type: 'status', values }),
      saveLastSuccess: (at) => saveLastSuccess(store, at),
      isOnline: () => online,
    });
    scheduler = running;
    // A desk enrolled from another tab (which waits for this one's turn): heard through
    // the store's meta, where the enrollment is kept.
    const enrollment = afterMetaChanges(databaseName, () =>
      running.isEnrolled ? Promise.resolve() : running.reloadEnrollment(),
    );
    try {
      await running.start();
      await stopped;
    } finally {
      enrollment.stop();
    }
  };
  if (typeof navigator.locks?.request !== 'function') {
    await run();
    return;
  }
  const got = await navigator.locks.request(
    syncLockName(databaseName),
    { ifAvailable: true },
    (lock) => (lock ? run().then(() => true) : false),
  );
  if (got) return;
  await waitForTurn(databaseName, transport, run);
}

/**
 * Another tab or window of this store holds sync's turn: says so, and takes over when it
 * lets go. A desk not enrolled has nothing to sync: this tab then says that, as the other
 * one does, and says again whatever an enrollment in either tab changes (the store's
 * meta); it says a thing only when it differs from what it said last.
 */
async function waitForTurn(
  databaseName: string,
  transport: { status(): Promise<{ enrolled: boolean; hqUrl: string | null }> },
  run: () => Promise<void>,
): Promise<void> {
  let said = '';
  const turn = {
    say: async () => {
      let enrollment;
      try {
        enrollment = await transport.status();
      } catch {
        // Unreadable: what was said stands; said nothing yet, that it waits (which it does).
        if (said !== '') return;
        enrollment = null;
      }
      if (waitingTurn !== turn) return; // its turn came meanwhile, or it stopped
      const state = enrollment?.enrolled === false ? 'not_enrolled' : 'otherTab';
      const hqUrl = enrollment ? { hqUrl: enrollment.hqUrl } : {};
      if (said === `${state} ${enrollment?.hqUrl}`) return;
      said = `${state} ${enrollment?.hqUrl}`;
      post({ type: 'status', values: { ...hqUrl, state: { kind: state } } });
    },
    stop: () => changes.stop(),
  };
  const changes = afterMetaChanges(databaseName, () => turn.say());
  waitingTurn = turn;
  await turn.say();
  await navigator.locks.request(syncLockName(databaseName), () => {
    turn.stop();
    if (waitingTurn === turn) waitingTurn = null;
    return run();
  });
}

async function stop(): Promise<void> {
  const running = scheduler;
  scheduler = null;
  waitingTurn?.stop();
  waitingTurn = null;
  pageTransport?.abandon();
  await running?.stop();
  stopping?.();
  stopping = null;
  db?.close();
  post({ type: 'stopped' });
}
