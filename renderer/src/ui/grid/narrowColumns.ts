import { useLayoutEffect, useState, type RefObject } from 'react';
import type { GridColDef, GridColumnVisibilityModel } from '@mui/x-data-grid';

/** DataGrid's own least width of a column that names none. */
const gridLeastPx = 50;
/** The grid's border, left and right. */
const borderPx = 2;

/** The least width a column takes: its fixed width, or its flex column's least. */
export function leastWidth(column: Pick<GridColDef, 'width' | 'minWidth' | 'flex'>): number {
  if (column.flex) return column.minWidth ?? gridLeastPx;
  return column.width ?? 100;
}

/**
 * The columns to leave out so that the rest fit `widthPx` without scrolling sideways:
 * the list's `dropFirst` fields in turn, only as many as it takes (a window of 1024 px
 * leaves a list ~780 px, where the cases list's seven columns need ~900). Nothing else is
 * ever dropped: past `dropFirst`, the table scrolls sideways as before. A column the
 * person showed again through the column menu (`shownByHand`) stays.
 */
export function columnsToDrop(
  columns: readonly Pick<GridColDef, 'field' | 'width' | 'minWidth' | 'flex'>[],
  dropFirst: readonly string[],
  widthPx: number,
  shownByHand: ReadonlySet<string> = new Set(),
): string[] {
  let need = columns.reduce((sum, c) => sum + leastWidth(c), borderPx);
  const dropped: string[] = [];
  for (const field of dropFirst) {
    if (need <= widthPx) break;
    const column = columns.find((c) => c.field === field);
    if (!column || shownByHand.has(field)) continue;
    dropped.push(field);
    need -= leastWidth(column);
  }
  return dropped;
}

/**
 * The table's column visibility: what the person chose in the column menu, and the
 * list's `dropFirst` columns left out while the table is too narrow for them (measured
 * before the first paint and on every resize of the table's box).
 */
export function useNarrowColumns(
  box: RefObject<HTMLElement | null>,
  columns: readonly GridColDef[],
  dropFirst: readonly string[],
): {
  model: GridColumnVisibilityModel;
  onChange: (model: GridColumnVisibilityModel) => void;
} {
  const [widthPx, setWidthPx] = useState<number | null>(null);
  const [chosen, setChosen] = useState<GridColumnVisibilityModel>({});
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || dropFirst.length === 0) return;
    const measure = () => setWidthPx(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, dropFirst.length]);
  const shownByHand = new Set(Object.keys(chosen).filter((field) => chosen[field] === true));
  const visible = columns.filter((c) => chosen[c.field] !== false);
  const dropped = widthPx === null ? [] : columnsToDrop(visible, dropFirst, widthPx, shownByHand);
  const model: GridColumnVisibilityModel = { ...chosen };
  for (const field of dropped) model[field] = false;
  return {
    model,
    // What the menu changed against what is shown: a dropped column shown again is the
    // person's choice; one hidden is too.
    onChange: (next) =>
      setChosen((was) => {
        const kept = { ...was };
        for (const [field, shown] of Object.entries(next)) {
          if (shown !== (model[field] ?? true)) kept[field] = shown;
        }
        for (const field of Object.keys(model)) {
          if (!(field in next) && model[field] === false) kept[field] = true;
        }
        return kept;
      }),
  };
}
