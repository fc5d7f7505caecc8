import type { OfficeSize } from './generator';
import type { PageBench } from './page/pageBench';
import { profileDuring } from './cpuProfile';
import { withFreshPage } from './pageServer';

type SearchFigures = Awaited<ReturnType<PageBench['measureSearch']>>;

/** Search p95 at most this many times the raw index lookup's p95 (issue #17 item 5). */
export const searchRatioTarget = 2;

const ratioOf = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;

/**
 * The table rows of the search measures (name, ID prefix, pinyin, ID tails), each judged
 * by its p95 against the raw IndexedDB lookup of the same queries in the same run.
 */
export function searchRows(search: SearchFigures) {
  return Object.entries(search).map(([name, p]) => {
    const ratio = ratioOf(p.p95, p.raw.p95);
    return {
      measure: `search ${name} (searchPersons vs raw IndexedDB getAll, same queries)`,
      figure: `p50 ${p.p50} ms, p95 ${p.p95} ms (${p.meanHits} hits avg); raw p50 ${p.raw.p50} ms, p95 ${p.raw.p95} ms (${p.raw.meanHits} hits avg) = ${ratio}×`,
      target: `p95 ≤ ${searchRatioTarget}× raw`,
      met: ratio <= searchRatioTarget,
    };
  });
}

/**
 * `npm run bench -- --only search [--quick]`: loads the office in a fresh Chromium
 * profile and runs only the search measures (to check a search change without the
 * whole bench). The figures are those of the full bench's search rows. `--profile FILE`
 * writes a CPU profile of the page during the measures.
 */
export async function runSearchOnly(
  seed: number,
  size: OfficeSize,
  samples: number,
  log: (line: string) => void,
  url: string,
  profile?: string,
): Promise<void> {
  const search = await withFreshPage(url, async (page) => {
    log('chromium: generating and loading the office…');
    const load = await page.evaluate(([s, z]) => window.bench.loadOffice(s, z), [
      seed,
      size,
    ] as const);
    log(`chromium: loaded ${load.persons} persons in ${load.loadMs} ms; measuring searches…`);
    return profileDuring(page, profile, () =>
      page.evaluate(([n, s]) => window.bench.measureSearch(n, s), [samples, seed] as const),
    );
  });
  console.log(
    `\n| measure | figure | target | met |\n| --- | --- | --- | --- |\n${searchRows(search)
      .map((r) => `| ${r.measure} | ${r.figure} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`)
      .join('\n')}\n\nsearch only, ${size.persons} persons, seed ${seed}`,
  );
}
