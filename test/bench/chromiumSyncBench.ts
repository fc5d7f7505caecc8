import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newRecordId } from '@shared/records/ids';
import { enrollViaAdmin } from '../support/hqProcess';
import type { OfficeSize } from './generator';
import { perSec, withFreshPage } from './pageServer';
import { ratio } from './ratioRows';
import { startBareServer, type LoadedHq } from './syncBench';

/**
 * Sync from a desk in Chromium against bare Chromium baselines (issue #17 items 1 and
 * 3), in the replication page (test/bench/page/chromiumSync.ts) on fresh on-disk
 * profiles, against the real HQ child process of the sync bench while it holds the
 * office: the initial pull (the replication bench's, or one of its own) beside a bare
 * pull of the same records from the bare server; a push of a second office of the same
 * size from its own enrolled desk beside a bare push of the same ops.
 */
export interface ChromiumSyncFigures {
  pull: { records: number; ms: number; perSec: number };
  barePull: { records: number; ms: number; perSec: number };
  push: {
    ops: number;
    ms: number;
    perSec: number;
    rejected: number;
    conflicts: number;
    left: number;
  };
  barePush: { ops: number; ms: number; perSec: number };
}

export async function runChromiumSyncBench(
  hq: LoadedHq,
  pageUrl: string,
  office: { seed: number; size: OfficeSize },
  log: (line: string) => void,
  /** The replication bench's Chromium pull of this HQ's office, if it ran. */
  measuredPull?: { pulled: number; ms: number },
): Promise<ChromiumSyncFigures> {
  const url = `${pageUrl}replication.html`;
  const dir = await mkdtemp(join(tmpdir(), 'bench-bare-'));
  const bare = await startBareServer(hq.records, join(dir, 'bare.sqlite'));
  try {
    const pulled =
      measuredPull ??
      (await (async () => {
        const deviceId = newRecordId();
        const { token, officeName, hqKeys } = await enrollViaAdmin(hq.url, hq.officeId, deviceId);
        const credential = { hqUrl: hq.url, deviceId, officeId: hq.officeId, officeName, token };
        log('chromium: initial pull HQ → desk (syncOnce, DexieSyncStore, web transport)…');
        return withFreshPage(url, (page) =>
          page.evaluate(([c, k]) => window.replicationBench.deskPull(c, k), [
            credential,
            hqKeys,
          ] as const),
        );
      })());
    log('chromium: bare pull of the same records (5,000-record pages, bulkPut per kind)…');
    const barePull = await withFreshPage(url, (page) =>
      page.evaluate((bareUrl) => window.replicationBench.barePull(bareUrl), bare.url),
    );

    const officeId = 'office-bench-push';
    const deviceId = newRecordId();
    const { token, officeName, hqKeys } = await enrollViaAdmin(hq.url, officeId, deviceId);
    const credential = { hqUrl: hq.url, deviceId, officeId, officeName, token };
    log('chromium: a second office generated on its desk, pushed desk → HQ, then its bare push…');
    const pushed = await withFreshPage(url, (page) =>
      page.evaluate(
        ([c, k, seed, size, bareUrl]) =>
          window.replicationBench.deskPush(c, k, seed, size, bareUrl),
        [credential, hqKeys, office.seed, office.size, bare.url] as const,
      ),
    );
    log(`chromium: pushed ${pushed.pushed} ops in ${pushed.ms} ms (bare ${pushed.bare.ms} ms)`);
    if (pushed.firstRefusal)
      log(`chromium: HQ refused ${pushed.rejected} ops, e.g. ${pushed.firstRefusal}`);
    return {
      pull: { records: pulled.pulled, ms: pulled.ms, perSec: perSec(pulled.pulled, pulled.ms) },
      barePull: {
        ...barePull,
        records: barePull.pulled,
        perSec: perSec(barePull.pulled, barePull.ms),
      },
      push: {
        ops: pushed.pushed,
        ms: pushed.ms,
        perSec: perSec(pushed.pushed, pushed.ms),
        rejected: pushed.rejected,
        conflicts: pushed.conflicts,
        left: pushed.left,
      },
      barePush: {
        ops: pushed.bare.pushed,
        ms: pushed.bare.ms,
        perSec: perSec(pushed.bare.pushed, pushed.bare.ms),
      },
    };
  } finally {
    await bare.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The rows of the table (main.ts and `--only chromium-sync`). */
export function chromiumSyncRows(figures: ChromiumSyncFigures) {
  const pullRatio = ratio(figures.pull.perSec, figures.barePull.perSec);
  const pushRatio = ratio(figures.push.perSec, figures.barePush.perSec);
  return [
    {
      measure: `initial pull HQ → desk in Chromium, ${figures.pull.records} records, against a bare Chromium pull (issue 17 item 1)`,
      figure: `${figures.pull.perSec}/s vs bare ${figures.barePull.perSec}/s (${figures.barePull.records} records) = ${pullRatio}×`,
      target: '≥ 0.9× bare',
      met: pullRatio >= 0.9,
    },
    {
      measure: `push desk → HQ from a desk in Chromium, ${figures.push.ops} ops (${figures.push.rejected} rejected, ${figures.push.conflicts} conflicts, ${figures.push.left} left queued)`,
      figure: `${figures.push.perSec}/s vs bare ${figures.barePush.perSec}/s = ${pushRatio}×`,
      target: '≥ 0.8× bare',
      met: pushRatio >= 0.8 && figures.push.rejected === 0 && figures.push.left === 0,
    },
  ];
}
