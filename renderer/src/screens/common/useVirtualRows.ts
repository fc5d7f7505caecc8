import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * The one place the list screens create a virtualizer. The lint rule warns that
 * TanStack Virtual returns functions the React Compiler cannot memoize; this app does
 * not run the compiler, and the components using it pass nothing memoized downstream.
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  rowHeight: number,
) {
  // eslint-disable-next-line react-hooks/incompatible-library -- see the comment above
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
}
