import { profileDuring } from './cpuProfile';
import type { OfficeSize } from './generator';
import { withFreshPage } from './pageServer';

/**
 * A backup of the generated office, a tenth of it queued as not yet sent to HQ: made at
 * a desk in Chromium by the app's makeBackup (page/backupPage.ts), then restored by
 * restoreBackup over the same store (every table's count checked after). Target: the
 * backup of the 200,000-person office under a minute; the restore is reported beside it
 * (an office restoring on a new PC waits for it).
 */
export interface BackupFigures {
  persons: number;
  rows: number;
  queued: number;
  megabytes: number;
  backupMs: number;
  /** Until the last table page was read (serializing and compressing overlap it). */
  readMs: number;
  /** Every table read whole, nothing else: the floor of the backup's reads. */
  rawReadMs: number;
  restoreMs: number;
}

/** The office's size the target is set for. */
const targetPersons = 200_000;

export async function runBackupBench(
  pageUrl: string,
  seed: number,
  size: OfficeSize,
  log: (line: string) => void,
  /** A CPU profile of the restore alone (`--profile FILE`). */
  profile?: string,
): Promise<BackupFigures> {
  log(`backup: loading ${size.persons} persons, then backup and restore (Chromium)…`);
  const figures = await withFreshPage(`${pageUrl}backup.html`, async (page) => {
    const { persons } = await page.evaluate(([s, o]) => window.backupBench.load(s, o, 0.1), [
      seed,
      size,
    ] as const);
    const backup = await page.evaluate(() => window.backupBench.backup());
    const { restoreMs } = await profileDuring(page, profile, () =>
      page.evaluate(() => window.backupBench.restore()),
    );
    return { persons, ...backup, restoreMs };
  });
  log(
    `backup: ${figures.rows} rows (${figures.persons} persons, ${figures.queued} queued), ${figures.megabytes} MB, backup ${figures.backupMs} ms (read ${figures.readMs} ms; bare reads ${figures.rawReadMs} ms), restore ${figures.restoreMs} ms`,
  );
  return figures;
}

/**
 * The rows: the backup against its target (judged at the 200,000-person office only: a
 * smaller office says nothing about it), and the restore reported beside it.
 */
export function backupRows(figures: BackupFigures) {
  const office = `${figures.persons} persons (${figures.rows} rows, ${figures.queued} queued; ${figures.megabytes} MB)`;
  const ratio = Math.round((figures.restoreMs / Math.max(1, figures.backupMs)) * 100) / 100;
  return [
    {
      measure: `backup of ${office}`,
      figure: `${figures.backupMs} ms (reading and compressing ${figures.readMs} ms; bare reads ${figures.rawReadMs} ms)`,
      target: 'backup ≤ 60 s at 200,000 persons',
      met: figures.persons >= targetPersons ? figures.backupMs <= 60_000 : null,
    },
    {
      measure: `restore of the same backup (${figures.rows} rows)`,
      figure: `${figures.restoreMs} ms = ${ratio}× the backup (${Math.round(figures.rows / Math.max(0.001, figures.restoreMs / 1000))} rows/s)`,
      target: '(reported; a few × the backup)',
      met: null,
    },
  ];
}
