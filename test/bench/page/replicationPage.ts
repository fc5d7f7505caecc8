/**
 * Initial replication inside Chromium (real IndexedDB on an on-disk profile), served by
 * Vite's dev server (test/bench/replicationBench.ts calls these through page.evaluate):
 * our desk's initial pull from the real HQ (the engine's syncOnce, DexieSyncStore and
 * the browser build's HTTP transport, as `npm run web` runs them), and PouchDB's
 * replicate() of the same records from a PouchDB server into a browser PouchDB.
 */
import PouchDB from 'pouchdb-browser';
import type { PublicKeys } from '@shared/package/keys';
import { syncOnce } from '@shared/sync/engine';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { browserFetch, createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import type { WebCredential } from '../../../renderer/src/sync/syncMeta';
import { useTestDataKeys } from '../../support/testDataKeys';
import { chromiumSync } from './chromiumSync';
import { keepEnrollment, takeDeviceId, writeFirstRunSettings } from './enrolledDesk';

useTestDataKeys();

const replicationBench = {
  ...chromiumSync,

  /**
   * A fresh desk database holding only the credential and HQ's pinned keys, then one
   * sync round (pull only).
   */
  async deskPull(credential: WebCredential, hqKeys: PublicKeys) {
    const db = new DeskDatabase(`bench-pull-${Date.now()}`);
    await db.open();
    await takeDeviceId(db, credential);
    // Its office settings from the first run, already pushed (the queue is empty): the
    // office records it pulls must name that office.
    await writeFirstRunSettings(db, credential, {
      userId: 'user-admin',
      name: '管理员',
      role: 'admin',
    });
    await db.queue.clear();
    await keepEnrollment(db, credential, hqKeys);
    const transport = createWebTransport(db, browserFetch);
    const store = new DexieSyncStore(db);
    const t0 = performance.now();
    const report = await syncOnce(store, transport);
    const ms = performance.now() - t0;
    const stored = {
      persons: await db.persons.count(),
      households: await db.households.count(),
      cases: await db.cases.count(),
    };
    db.close();
    return { pulled: report.pulled, pushed: report.pushed, ms: Math.round(ms), stored };
  },

  /** PouchDB.replicate(remote, local) at its defaults (batch_size 100), into IndexedDB. */
  async pouchReplicate(remoteUrl: string) {
    const local = new PouchDB(`bench-pouch-${Date.now()}`);
    const remote = new PouchDB(remoteUrl);
    const t0 = performance.now();
    const result = await PouchDB.replicate(remote, local);
    const ms = performance.now() - t0;
    const info = await local.info();
    return {
      ok: result.ok,
      docsRead: result.docs_read,
      docsWritten: result.docs_written,
      errors: result.errors.length,
      stored: info.doc_count,
      ms: Math.round(ms),
    };
  },
};

export type ReplicationPageBench = typeof replicationBench;

declare global {
  interface Window {
    replicationBench: ReplicationPageBench;
  }
}

window.replicationBench = replicationBench;
document.body.dataset.ready = 'true';
