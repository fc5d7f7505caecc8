import { newRecordId } from '@shared/records/ids';
import { enrollViaAdmin } from '../support/hqProcess';
import type { ReplicationPageBench } from './page/replicationPage';
import { mb, peakHeapDuring, perSec, withFreshPage } from './pageServer';
import { startPouchServer } from './pouchServer';
import type { LoadedHq } from './syncBench';

/**
 * Initial replication in Chromium (test/bench/page/replication.html), each on a fresh
 * on-disk profile: our desk's initial pull from the real HQ child process (which holds
 * the office desk A pushed, syncBench.ts), and PouchDB replicating the same records
 * from a PouchDB server on loopback (pouchServer.ts) at its default batch size.
 */
export interface ReplicationFigures {
  deskPull: Awaited<ReturnType<ReplicationPageBench['deskPull']>> & {
    perSec: number;
    heapBeforeMb: number;
    heapPeakMb: number;
  };
  pouch: Awaited<ReturnType<ReplicationPageBench['pouchReplicate']>> & {
    /** Documents on the PouchDB server (`subset` when fewer than the office's records). */
    docs: number;
    subset: boolean;
    serverLoadMs: number;
    perSec: number;
  };
  /** Our records/s over PouchDB's. */
  ratio: number;
}

export async function runReplicationBench(
  hq: LoadedHq,
  pageUrl: string,
  pageOrigin: string,
  log: (line: string) => void,
  /** At most this many records for PouchDB (null: all of them). */
  pouchLimit: number | null,
): Promise<ReplicationFigures> {
  const url = `${pageUrl}replication.html`;
  const deviceId = newRecordId();
  const { token, officeName, hqKeys } = await enrollViaAdmin(hq.url, hq.officeId, deviceId);
  log('chromium: initial pull HQ → desk in the page (syncOnce, DexieSyncStore, web transport)…');
  const deskPull = await withFreshPage(url, async (page) => {
    const credential = { hqUrl: hq.url, deviceId, officeId: hq.officeId, officeName, token };
    const run = await peakHeapDuring(page, () =>
      page.evaluate(([c, k]) => window.replicationBench.deskPull(c, k), [
        credential,
        hqKeys,
      ] as const),
    );
    return {
      ...run.result,
      perSec: perSec(run.result.pulled, run.result.ms),
      heapBeforeMb: mb(run.before),
      heapPeakMb: mb(run.peak),
    };
  });
  log(`chromium: pulled ${deskPull.pulled} records in ${deskPull.ms} ms`);

  const records =
    pouchLimit !== null && hq.records.length > pouchLimit
      ? hq.records.slice(0, pouchLimit)
      : hq.records;
  log(`pouchdb: loading ${records.length} documents into the PouchDB server…`);
  const server = await startPouchServer(records, pageOrigin);
  try {
    log('chromium: PouchDB.replicate(server, IndexedDB) at its default batch size…');
    const pouch = await withFreshPage(url, (page) =>
      page.evaluate((remote) => window.replicationBench.pouchReplicate(remote), server.dbUrl),
    );
    log(`chromium: PouchDB replicated ${pouch.docsWritten} documents in ${pouch.ms} ms`);
    const pouchPerSec = perSec(pouch.docsWritten, pouch.ms);
    return {
      deskPull,
      pouch: {
        ...pouch,
        docs: server.docs,
        subset: records.length < hq.records.length,
        serverLoadMs: server.loadMs,
        perSec: pouchPerSec,
      },
      ratio: Math.round((deskPull.perSec / Math.max(pouchPerSec, 1)) * 100) / 100,
    };
  } finally {
    await server.close();
  }
}
