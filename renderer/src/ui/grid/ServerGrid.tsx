import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowProps,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { enUS, zhCN } from '@mui/x-data-grid/locales';
import type { GridPage, GridSort, LaterTotal } from '../../db/repositories/grid/gridQuery';
import type { PageAnchor } from '../../db/repositories/grid/keysetPage';
import { useT } from '../../i18n/useT';
import { useFillHeight } from './fillHeight';
import { useNarrowColumns } from './narrowColumns';
import { standingTotal, type KeptTotal } from './standingTotal';

export interface GridPaging<F extends string> {
  page: number;
  pageSize: number;
  sort: GridSort<F> | null;
  /** Set when the page is the next or previous of the one shown: read from its edge row. */
  anchor?: PageAnchor;
  /** Always set by the table: it shows a page before its total (GridQuery.totalLater). */
  totalLater?: boolean;
}

export type GridRead<R, F extends string> = (paging: GridPaging<F>) => Promise<GridPage<R>>;

const zhText = zhCN.components.MuiDataGrid.defaultProps.localeText;
const enText = enUS.components.MuiDataGrid.defaultProps.localeText;

/**
 * A list's table: MUI X DataGrid with paging, sorting and filtering done by the store
 * (server modes), through the list's query function `read` — the same one its export
 * reads. Columns sort only when an index holds them (each list marks them sortable).
 * The grid's own keyboard navigation; Enter on a row, or a click, opens the record.
 * `filterKey` names the filter the screen applied: a new one goes back to page 1.
 * The page is a live query: a record written elsewhere shows without a reload. A whole
 * table's total not yet counted (the first list after a start or a change: a count of
 * 200,000 rows takes ~0.4 s) does not hold the page: the rows show with the list's last
 * total (or, the first time, "more than" in the pager), and the count follows. `onResult`
 * gets every page; its `total` is -1 while nothing is known.
 */
export function ServerGrid<R extends GridValidRowModel & { id: string }, F extends string>(props: {
  columns: GridColDef<R>[];
  read: GridRead<R, F>;
  filterKey: string;
  onOpen: (row: R) => void;
  /** Shown in place of rows when there are none (the filter's or the empty list's words). */
  noRowsText: string;
  testId: string;
  rowTestId: string;
  onResult?: (page: GridPage<R>) => void;
  /** The sort chosen, for the list's export to read in the same order. */
  onSort?: (sort: GridSort<F> | null) => void;
  pageSize?: number;
  /** A class for a row (e.g. 'overdue', tinted red). */
  getRowClassName?: (row: R) => string;
  /** Columns left out, in this order, while the table is too narrow for all (narrowColumns.ts). */
  dropFirst?: readonly string[];
}) {
  const { language } = useT();
  const [paging, setPaging] = useState<GridPaginationModel & { anchor?: PageAnchor }>({
    page: 0,
    pageSize: props.pageSize ?? 50,
  });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [filterKey, setFilterKey] = useState(props.filterKey);
  if (filterKey !== props.filterKey) {
    setFilterKey(props.filterKey);
    setPaging((p) => ({ page: 0, pageSize: p.pageSize }));
  }
  const first = sortModel[0];
  const sort: GridSort<F> | null = first?.sort
    ? { field: first.field as F, direction: first.sort }
    : null;
  const key = JSON.stringify([
    props.filterKey,
    paging.page,
    paging.pageSize,
    sort,
    paging.anchor?.row.id,
  ]);
  const { read } = props;
  const result = useLiveQuery(
    async () => ({
      key,
      page: await read({
        page: paging.page,
        pageSize: paging.pageSize,
        sort,
        ...(paging.anchor ? { anchor: paging.anchor } : {}),
        totalLater: true,
      }),
    }),
    // `key` stands for the paging, the sort and the filter; `read` must be stable (useCallback).
    [key, read],
  );
  const loading = result?.key !== key;
  // The count that came after its page (GridPage.totalLater), for that page only.
  const [counted, setCounted] = useState<({ page: GridPage<R> } & LaterTotal) | null>(null);
  const later = loading ? undefined : result?.page.totalLater;
  useEffect(() => {
    if (!later || !result) return;
    let live = true;
    later.then(
      (came) => live && setCounted({ page: result.page, ...came }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [later, result]);
  const page = result?.page;
  const came = counted && counted.page === page ? counted : null;
  const known: LaterTotal | null =
    page !== undefined && page.total >= 0
      ? { total: page.total, limited: page.limited }
      : came
        ? { total: came.total, limited: came.limited }
        : null;
  const [lastKnown, setLastKnown] = useState<KeptTotal | null>(null);
  const {
    shown: { total, limited },
    kept,
  } = standingTotal(known, lastKnown, props.filterKey);
  if (kept !== lastKnown) setLastKnown(kept);
  const { onResult } = props;
  useEffect(() => {
    if (page && !loading) onResult?.({ ...page, total, limited });
  }, [page, loading, total, limited, onResult]);
  const paginationMeta = useMemo(
    () => ({ hasNextPage: loading || page?.hasMore === true }),
    [loading, page],
  );

  const base = language === 'zh-CN' ? zhText : enText;
  const box = useRef<HTMLDivElement>(null);
  // Down to the foot of the window, whatever stands above it (fillHeight.ts).
  const height = useFillHeight(box, 380);
  const visibility = useNarrowColumns(box, props.columns, props.dropFirst ?? keepAll);
  return (
    <Box ref={box} sx={{ height, minHeight: 380 }} data-testid={props.testId}>
      <DataGrid<R>
        columns={props.columns}
        columnVisibilityModel={visibility.model}
        onColumnVisibilityModelChange={visibility.onChange}
        rows={page?.rows ?? []}
        rowCount={page ? total : 0}
        paginationMeta={paginationMeta}
        loading={loading}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        paginationModel={paging}
        onPaginationModelChange={(model) =>
          setPaging(nextPaging(paging, model, loading ? undefined : result?.page))
        }
        pageSizeOptions={[25, 50, 100]}
        sortModel={sortModel}
        onSortModelChange={(model) => {
          setSortModel(model);
          const chosen = model[0];
          props.onSort?.(
            chosen?.sort ? { field: chosen.field as F, direction: chosen.sort } : null,
          );
          setPaging((p) => ({ page: 0, pageSize: p.pageSize }));
        }}
        disableColumnFilter
        disableRowSelectionOnClick
        onRowClick={(params) => props.onOpen(params.row)}
        onCellKeyDown={(params, event) => {
          if (event.key !== 'Enter') return;
          event.defaultMuiPrevented = true;
          props.onOpen(params.row);
        }}
        localeText={{ ...base, noRowsLabel: props.noRowsText }}
        slotProps={{
          row: { 'data-testid': props.rowTestId } as Partial<GridRowProps>,
          // The grid's reset goes back to the columns as first drawn, before the table was
          // measured (narrowColumns.ts): it would show a dropped column as chosen by hand.
          columnsManagement: { disableResetButton: true },
        }}
        {...(props.getRowClassName
          ? { getRowClassName: (params: { row: R }) => props.getRowClassName?.(params.row) ?? '' }
          : {})}
        sx={{
          '& .MuiDataGrid-row': { cursor: 'pointer' },
          '& .MuiDataGrid-row.overdue': { bgcolor: 'rgba(211,47,47,0.06)' },
        }}
      />
    </Box>
  );
}

const keepAll: readonly string[] = [];

/**
 * The paging after the pager moved: one page on or back from the page shown (read, not
 * loading) is anchored on its last or first row, so page 2,000 reads like page 2; any
 * other move (first page, page size) counts from the start.
 */
function nextPaging<R>(
  shown: GridPaginationModel,
  model: GridPaginationModel,
  page: GridPage<R> | undefined,
): GridPaginationModel & { anchor?: PageAnchor } {
  const plain = { page: model.page, pageSize: model.pageSize };
  if (!page?.first || !page.last || model.pageSize !== shown.pageSize) return plain;
  const edge = (row: R, direction: PageAnchor['direction']) => ({
    ...plain,
    anchor: { row: row as PageAnchor['row'], direction },
  });
  if (model.page === shown.page + 1) return edge(page.last, 'next');
  if (model.page === shown.page - 1 && model.page > 0) return edge(page.first, 'prev');
  return plain;
}
