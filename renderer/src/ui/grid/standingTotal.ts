import type { LaterTotal } from '../../db/repositories/grid/gridQuery';

/** The last total a list knew, for the filter it was counted under. */
export interface KeptTotal extends LaterTotal {
  filterKey: string;
}

/**
 * What a list's pager and its words show, given the total known for the page now shown
 * (`known`: the page's own, or the one that came after it; null while it has not come)
 * and the last total kept. While a recount after a change has not come, the last total
 * under the same filter stands — the pager and "only the first 300 shown" do not blink
 * to "more than" and away and back on every next page; under another filter nothing
 * stands (total -1: unknown). `kept` is what to keep next: the same object when nothing
 * changed, so a caller may store it in React state without a render loop.
 */
export function standingTotal(
  known: LaterTotal | null,
  last: KeptTotal | null,
  filterKey: string,
): { shown: LaterTotal; kept: KeptTotal | null } {
  if (known && known.total >= 0) {
    const same =
      last?.filterKey === filterKey && last.total === known.total && last.limited === known.limited;
    return {
      shown: { total: known.total, limited: known.limited },
      kept: same ? last : { filterKey, total: known.total, limited: known.limited },
    };
  }
  const stands = last?.filterKey === filterKey ? last : null;
  return {
    shown: stands
      ? { total: stands.total, limited: stands.limited }
      : { total: -1, limited: false },
    kept: last,
  };
}
