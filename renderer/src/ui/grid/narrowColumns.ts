import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
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
 * leaves a list ~780 px, where the cases list's seven columns need ~870). Nothing else is
 * ever dropped: past `dropFirst`, the table scrolls sideways as before. A column the
 * person showed again through the column menu (`shownByHand`) stays, and is not counted:
 * showing it is choosing to scroll to it, not asking for another column to go.
 */
export function columnsToDrop(
  columns: readonly Pick<GridColDef, 'field' | 'width' | 'minWidth' | 'flex'>[],
  dropFirst: readonly string[],
  widthPx: number,
  shownByHand: ReadonlySet<string> = new Set(),
): string[] {
  let need = columns
    .filter((c) => !shownByHand.has(c.field))
    .reduce((sum, c) => sum + leastWidth(c), borderPx);
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
 * The width a vertical scrollbar takes on this machine (17 px on Windows, none where
 * scrollbars float over the content): the rows of a list's table nearly always scroll,
 * and the grid lays its columns out beside the bar.
 */
function scrollbarPx(): number {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;top:-999px;width:100px;height:50px;overflow:scroll';
  document.body.appendChild(probe);
  const width = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return width;
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
    const bar = scrollbarPx();
    const measure = () => setWidthPx(element.clientWidth - bar);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, dropFirst.length]);
  const dropped = useMemo(() => {
    if (widthPx === null) return [];
    const shownByHand = new Set(Object.keys(chosen).filter((field) => chosen[field] === true));
    const visible = columns.filter((c) => chosen[c.field] !== false);
    return columnsToDrop(visible, dropFirst, widthPx, shownByHand);
  }, [columns, dropFirst, widthPx, chosen]);
  // One model object while nothing changes: the grid sets its model again for a new one.
  const droppedKey = dropped.join();
  const model = useMemo<GridColumnVisibilityModel>(() => {
    const next: GridColumnVisibilityModel = { ...chosen };
    for (const field of droppedKey ? droppedKey.split(',') : []) next[field] = false;
    return next;
  }, [chosen, droppedKey]);
  return {
    model,
    onChange: (next) => setChosen((was) => chosenAfter(was, model, next, dropped)),
  };
}

/**
 * The person's choices after the column menu changed the model shown (`model`) into
 * `next`: a column hidden is their choice; a dropped column shown again is too ("shown by
 * hand": kept, and no longer counted). One they had hidden themselves and show again goes
 * back to the default, counted and droppable as before.
 */
export function chosenAfter(
  was: GridColumnVisibilityModel,
  model: GridColumnVisibilityModel,
  next: GridColumnVisibilityModel,
  dropped: readonly string[],
): GridColumnVisibilityModel {
  const kept: GridColumnVisibilityModel = { ...was };
  const back = new Set<string>();
  const show = (field: string) => {
    if (dropped.includes(field)) kept[field] = true;
    else back.add(field);
  };
  for (const [field, shown] of Object.entries(next)) {
    if (shown === (model[field] ?? true)) continue;
    if (shown) show(field);
    else kept[field] = false;
  }
  for (const field of Object.keys(model)) {
    if (!(field in next) && model[field] === false) show(field);
  }
  return Object.fromEntries(Object.entries(kept).filter(([field]) => !back.has(field)));
}
