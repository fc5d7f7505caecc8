import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height that brings a list's table down to the foot of the shell's scrolling area
 * (`<main>`, less its padding), whatever the screen shows above it. The tables were
 * `calc(100vh − chromePx)` with a guess per screen of what stands above them, so where
 * the filters wrapped onto a second line (the cases list at a 1024-pixel window) the
 * pager ended below the window's edge. Measured before the first paint, and again
 * whenever the area or what holds the table changes size (a window resized, filters
 * wrapping, a notice shown); drawn a frame after a resize. Where there is no `<main>`,
 * the table is the window's height less 250 px.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, leastPx: number): string {
  const [px, setPx] = useState<number | null>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    const main = table?.closest('main');
    if (!table || !main) return;
    const measure = () => {
      // The table's top in the area's content (the same however far it is scrolled).
      const top =
        table.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
      const padding = parseFloat(getComputedStyle(main).paddingBottom) || 0;
      setPx(Math.max(leastPx, Math.floor(main.clientHeight - top - padding)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    if (table.parentElement) observer.observe(table.parentElement);
    return () => observer.disconnect();
  }, [ref, leastPx]);
  return px === null ? 'calc(100vh - 250px)' : `${px}px`;
}
