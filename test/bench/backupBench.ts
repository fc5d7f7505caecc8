import type { OfficeSize } from './generator';
import { withFreshPage } from './pageServer';

/**
 * A backup of the generated office, a tenth of it queued as not yet sent to HQ: made at
 * a desk in Chromium by the app's makeBackup (page/backupPage.ts), then restored by
 * restoreBackup. Target: the backup of the 200,000-person office under a minute.
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

export async function runBackupBench(
  pageUrl: string,
  seed: number,
  size: OfficeSize,
  log: (line: string) => void,
): Promise<BackupFigures> {
  log(`backup: loading ${size.persons} persons, then backup and restore (Chromium)…`);
  const figures = await withFreshPage(`${pageUrl}backup.html`, (page) =>
    page.evaluate(([s, o]) => window.backupBench.run(s, o, 0.1), [seed, size] as const),
  );
  log(
    `backup: ${figures.rows} rows (${figures.persons} persons, ${figures.queued} queued), ${figures.megabytes} MB, backup ${figures.backupMs} ms (read ${figures.readMs} ms; bare reads ${figures.rawReadMs} ms), restore ${figures.restoreMs} ms`,
  );
  return figures;
}

/** The bench row: a backup of the whole office under a minute. */
export function backupRows(figures: BackupFigures) {
  return [
    {
      measure: `backup of ${figures.persons} persons (${figures.rows} rows, ${figures.queued} queued; ${figures.megabytes} MB)`,
      figure: `${figures.backupMs} ms (restore ${figures.restoreMs} ms)`,
      target: '< 60 s',
      met: figures.backupMs < 60_000,
    },
  ];
}
