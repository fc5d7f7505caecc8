import type { OfficeSize } from './generator';
import type { PageBench } from './page/pageBench';
import { withFreshPage } from './pageServer';

type SearchFigures = Awaited<ReturnType<PageBench['measureSearch']>>;

/** The table rows of the search measures (name, ID prefix, pinyin, ID tails). */
export function searchRows(search: SearchFigures) {
  return Object.entries(search).map(([name, p]) => ({
    measure: `search ${name} (searchPersons)`,
    figure: `p50 ${p.p50} ms, p95 ${p.p95} ms (${p.meanHits} hits avg)`,
    target: 'p95 ≤ 10 ms',
    met: p.p95 <= 10,
  }));
}

/**
 * `npm run bench -- --only search [--quick]`: loads the office in a fresh Chromium
 * profile and runs only the search measures (to check a search change without the
 * whole bench). The figures are those of the full bench's search rows.
 */
export async function runSearchOnly(
  seed: number,
  size: OfficeSize,
  samples: number,
  log: (line: string) => void,
  url: string,
): Promise<void> {
  const search = await withFreshPage(url, async (page) => {
    log('chromium: generating and loading the office…');
    const load = await page.evaluate(([s, z]) => window.bench.loadOffice(s, z), [
      seed,
      size,
    ] as const);
    log(`chromium: loaded ${load.persons} persons in ${load.loadMs} ms; measuring searches…`);
    return page.evaluate(([n, s]) => window.bench.measureSearch(n, s), [samples, seed] as const);
  });
  console.log(
    `\n| measure | figure | target | met |\n| --- | --- | --- | --- |\n${searchRows(search)
      .map((r) => `| ${r.measure} | ${r.figure} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`)
      .join('\n')}\n\nsearch only, ${size.persons} persons, seed ${seed}`,
  );
}
