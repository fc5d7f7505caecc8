import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import { formatFen } from '@shared/money/fen';
import { isOverdue } from '@shared/programmes/decisionClock';
import type { AssistanceCase } from '../../db/repositories/cases';
import { caseSortIndexes } from '../../db/repositories/grid/casesGrid';
import type { Translate } from '../../i18n/translate';
import { localStamp } from '../../ui/grid/localStamp';
import { caseAreaLabel } from '../common/labels';
import { StatusChip } from './StatusChip';

/** The cases table's columns; sortable only where schema v15 or earlier has an index. */
export function caseColumns(t: Translate, today: string): GridColDef<AssistanceCase>[] {
  const column = (
    field: string,
    headerName: string,
    more: Partial<GridColDef<AssistanceCase>>,
  ): GridColDef<AssistanceCase> => ({
    field,
    headerName,
    sortable: field in caseSortIndexes,
    ...more,
  });
  return [
    column('applicantName', t('cases.col.applicant'), { flex: 1.2, minWidth: 96 }),
    column('category', t('cases.col.category'), {
      width: 120,
      valueGetter: (_v, c) =>
        `${t(`programme.short.${c.programme}`)} · ${caseAreaLabel(t, 'other', c.category)}`,
    }),
    column('status', t('cases.col.status'), {
      width: 130,
      renderCell: ({ row }) => <StatusChip status={row.status} />,
    }),
    column('applicationDate', t('cases.col.applied'), { width: 112 }),
    column('decisionDue', t('cases.col.due'), {
      flex: 1.4,
      minWidth: 150,
      renderCell: ({ row }) => {
        const overdue = isOverdue(row, today);
        return (
          <Box
            component="span"
            sx={{ color: overdue ? 'error.main' : undefined, fontWeight: overdue ? 700 : 400 }}
          >
            {row.decisionDue ?? '—'}
            {overdue && ` · ${t('cases.overdue')}`}
          </Box>
        );
      },
    }),
    column('amount', t('cases.col.amount'), {
      width: 120,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_v, c) => `¥${formatFen(c.benefit.benefitFen)}`,
    }),
    column('updatedAt', t('grid.col.updatedAt'), {
      width: 140,
      valueFormatter: (value: string) => localStamp(value),
    }),
  ];
}
