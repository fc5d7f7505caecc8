import { maxPullLimit } from '@shared/sync/protocol';
import { profileDuring, traceDuring } from './cpuProfile';
import type { OfficeSize } from './generator';
import { withFreshPage } from './pageServer';

/** Apply at least this share of the raw bulkPut's rate (docs/performance.md). */
export const applyRatioTarget = 0.8;

/**
 * `npm run bench -- --only apply [--quick] [--persons N] [--profile FILE]`: the store
 * bench's apply row alone (a fresh Chromium profile, the office as pulled changes, raw
 * bulkPut and applyPulled page by page: pageBench.ts `applyBoth`), to check an apply
 * change without the whole bench. `--profile FILE` writes a CPU profile of the page
 * during the apply; `--trace FILE` a Chrome trace (the browser's IndexedDB work with the
 * page's), each page's apply a span `apply raw` / `apply real`.
 */
export async function runApplyOnly(
  seed: number,
  size: OfficeSize,
  log: (line: string) => void,
  url: string,
  profile?: string,
  trace?: string,
): Promise<void> {
  const both = await withFreshPage(url, async (page) => {
    const { changes } = await page.evaluate(([s, z]) => window.bench.prepareApply(s, z), [
      seed,
      size,
    ] as const);
    log(`chromium: applying ${changes} pulled changes (raw bulkPut and applyPulled)…`);
    const apply = () => page.evaluate((n) => window.bench.applyBoth(n), maxPullLimit);
    return trace ? traceDuring(page, trace, apply) : profileDuring(page, profile, apply);
  });
  const ratio = Math.round((both.rawMs / Math.max(both.realMs, 1)) * 100) / 100;
  console.log(
    `apply ${both.records} pulled changes: applyPulled ${both.realMs} ms vs raw bulkPut ${both.rawMs} ms = ${ratio}× (target ≥ ${applyRatioTarget}×), ${size.persons} persons, seed ${seed}`,
  );
}
