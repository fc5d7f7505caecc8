import type { GridPage } from '../../../renderer/src/db/repositories/grid/gridQuery';
import type { PageAnchor } from '../../../renderer/src/db/repositories/grid/keysetPage';

/**
 * A list read as its table pages it: each page after the first read from the last row of
 * the page before (one read past that row's key), not counted from the start. What a
 * migration test checks a list still pages by once a version rebuilt its indexes.
 */

/** A page's ids, in its order. */
export const idsOf = (page: GridPage<{ id: string }>) => page.rows.map((r) => r.id);

/** The anchor of the page after `page`: its last row. */
export const anchorOn = (page: GridPage<{ id: string }>): PageAnchor => ({
  row: page.last as PageAnchor['row'],
  direction: 'next',
});

/** A list's ids, page after page, each page read from the last one's last row. */
export async function pageByPage<Q extends { page: number }>(
  read: (query: Q & { anchor?: PageAnchor }) => Promise<GridPage<{ id: string }>>,
  first: Q,
): Promise<string[]> {
  const ids: string[] = [];
  let page = await read(first);
  for (let n = 1; page.rows.length > 0; n++) {
    ids.push(...idsOf(page));
    page = await read({ ...first, page: n, anchor: anchorOn(page) });
  }
  return ids;
}
