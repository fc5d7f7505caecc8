import type { AccessChainView } from '@shared/accessChain/view';

type Break = AccessChainView['breaks'][number];

/** The breaks the desk's row lists under its chip; the rest are counted and on hover. */
export const listedBreaks = 3;

/**
 * A desk's breaks in the order its row lists them: breaks HQ found in the chain itself
 * (entries removed, edited, cut back, unsealed, a new key) before the desk's own reports
 * that its store was altered (`store_altered`), each group newest first as HQ gives them.
 * A desk can send such reports (one per open of its store with the key) until they fill
 * every listed line; a break in the chain must still be read first.
 */
export function breaksInOrder(breaks: readonly Break[]): Break[] {
  return [
    ...breaks.filter((b) => b.kind !== 'store_altered'),
    ...breaks.filter((b) => b.kind === 'store_altered'),
  ];
}
