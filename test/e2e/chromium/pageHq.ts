import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openHqDatabase, type HqDatabase } from '../../../hq/src/db/database';
import { buildServer } from '../../../hq/src/http/server';
import { addOffice } from '../../../hq/src/store/offices';
import { publishStandard } from '../../../hq/src/sync/hqChanges';

/** A real HQ for one e2e file's desk: its database, its address, and how to stop it. */
export interface PageHq {
  hq: HqDatabase;
  url: string;
  /** HQ's temporary folder (removed by close): a place for the test's files too. */
  dataDir: string;
  /** Stops answering (the desk is offline from then on); the database stays open. */
  stopServing: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Starts the real HQ on loopback (SQLite in a fresh temporary folder), answering the
 * renderer's origin (CORS), with the office the desk enrolls in (城关镇民政办). The
 * admin API is open only with `adminToken`.
 */
export async function startPageHq(
  options: { adminToken?: string | null; office?: string } = {},
): Promise<PageHq> {
  const rendererOrigin = new URL(inject('rendererUrl')).origin;
  const dataDir = await mkdtemp(join(tmpdir(), 'hq-e2e-'));
  const hq = await openHqDatabase({ dataDir, databaseUrl: null });
  const server = buildServer({
    hq,
    adminToken: options.adminToken ?? null,
    corsOrigins: [rendererOrigin],
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await addOffice(hq.db, { id: options.office ?? '330102001', name: '城关镇民政办' }, new Date());
  let serving = true;
  const stopServing = async () => {
    if (serving) await server.close();
    serving = false;
  };
  return {
    hq,
    url,
    dataDir,
    stopServing,
    close: async () => {
      await stopServing();
      await hq.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The county publishes a 低保 standard (330102, rural, from 2027) at HQ; the desk's
 * page asks to sync now and finds it on 设置 (its amount in yuan, two decimals).
 */
export async function receiveCountyStandard(
  page: Page,
  hq: HqDatabase,
  amountFen: number,
): Promise<void> {
  await publishStandard(
    hq.db,
    {
      areaCode: '330102',
      category: 'rural',
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      amountFen,
      note: '县局发布',
    },
    '县民政局',
    new Date(),
  );
  await page.getByRole('button', { name: '立即同步' }).click();
  await page.getByRole('button', { name: '设置' }).first().click();
  const yuan = (amountFen / 100).toFixed(2);
  await expect
    .poll(() => page.getByTestId('standard-row').filter({ hasText: yuan }).count())
    .toBe(1);
}
