import { profileDuring } from './cpuProfile';
import type { ImportPageBench } from './page/importPage';
import { withFreshPage } from './pageServer';

/**
 * 名册导入 of `rows` persons in Chromium (page/importPage.ts): read, dry run and the
 * all-or-nothing commit through write(), against a raw bulkPut of the same records; the
 * longest stall of the window during the dry run and the commit.
 */
export type ImportFigures = Awaited<ReturnType<ImportPageBench['run']>> & {
  importPerSec: number;
  rawPerSec: number;
};

export async function runImportBench(
  pageUrl: string,
  rows: number,
  log: (line: string) => void,
  profile?: string,
): Promise<ImportFigures> {
  log(`import: a roster of ${rows} persons (XLSX made in the page), read, checked, committed…`);
  const figures = await withFreshPage(`${pageUrl}import.html`, (page) =>
    profileDuring(page, profile, () => page.evaluate((n) => window.importBench.run(n), rows)),
  );
  const records = figures.persons + figures.households;
  const perSec = (ms: number) => (ms > 0 ? Math.round((records / ms) * 1000) : 0);
  const result = {
    ...figures,
    importPerSec: perSec(figures.commitMs),
    rawPerSec: perSec(figures.rawMs),
  };
  log(`import: ${JSON.stringify(result)}`);
  return result;
}
