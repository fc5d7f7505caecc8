import { useCallback, useMemo, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import { programmes, type Programme } from '@shared/domain/assistanceCase';
import { isOverdue } from '@shared/programmes/decisionClock';
import { programmeModules } from '@shared/programmes/registry';
import type { CaseListFilter } from '../../db/repositories/caseQueries';
import type { AssistanceCase } from '../../db/repositories/cases';
import type { GridPage, GridSort } from '../../db/repositories/grid/gridQuery';
import {
  caseFilterCap,
  casesGridPage,
  type CaseSortField,
} from '../../db/repositories/grid/casesGrid';
import { casesSource } from '../../db/repositories/export/casesSource';
import { ExportListButton } from '../../export/ExportListButton';
import { casesList } from '../../export/lists/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { statusLabel, todayDate } from '../common/labels';
import { ServerGrid, type GridPaging } from '../../ui/grid/ServerGrid';
import { PageHeader } from '../common/PageHeader';
import { caseColumns } from './caseColumns';

/**
 * The cases of every programme: search by applicant, filter by programme, status or
 * overdue; a table paged and sorted by the store (casesGridPage, which the export
 * reads too), newest first.
 */
export function CasesScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [programme, setProgramme] = useState<Programme | ''>('');
  const [status, setStatus] = useState<string | ''>('');
  // The chosen programme's statuses, or every programme's (each once, in workflow order).
  const statusChoices = [
    ...new Set(
      (programme ? [programmeModules[programme]] : Object.values(programmeModules)).flatMap(
        (m) => m.workflow.states,
      ),
    ),
  ];
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<GridSort<CaseSortField> | null>(null);
  const [shown, setShown] = useState<GridPage<AssistanceCase> | null>(null);
  const today = todayDate();

  const listFilter: CaseListFilter = {
    today,
    overdueOnly,
    ...(query.trim() ? { query } : {}),
    ...(status ? { status } : {}),
    ...(programme ? { programme } : {}),
  };
  const filterKey = JSON.stringify(listFilter);
  const read = useCallback(
    (paging: GridPaging<CaseSortField>) =>
      casesGridPage(db, { ...paging, filter: JSON.parse(filterKey) as CaseListFilter }),
    [db, filterKey],
  );
  const columns = useMemo(() => caseColumns(t, today), [t, today]);
  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('cases.title')}
        actions={
          <>
            <ExportListButton
              definition={casesList}
              source={() => casesSource(db, listFilter, sort)}
            />
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => navigate({ name: 'caseNew' })}
            >
              {t('cases.new')}
            </Button>
          </>
        }
      />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          label={t('cases.search.label')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          size="small"
          // Its words whole in both languages (cut with … at 320).
          sx={{ width: 380 }}
          autoComplete="off"
        />
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          label={t('programme.choose')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value as Programme | '')}
          size="small"
          sx={{ width: 160 }}
          data-testid="filter-programme"
        >
          <MenuItem value="">{t('programme.all')}</MenuItem>
          {programmes.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`programme.short.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          label={t('cases.filter.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as string | '')}
          size="small"
          sx={{ width: 180 }}
        >
          <MenuItem value="">{t('cases.filter.allStatuses')}</MenuItem>
          {statusChoices.map((s) => (
            <MenuItem key={s} value={s}>
              {statusLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          }
          label={t('cases.filter.overdueOnly')}
        />
        <Typography variant="body2" color="text.secondary" data-testid="case-count">
          {shown &&
            shown.total >= 0 &&
            (shown.limited
              ? t('grid.limited', { count: caseFilterCap })
              : t('cases.list.shown', { count: shown.total }))}
        </Typography>
      </Stack>
      <ServerGrid<AssistanceCase, CaseSortField>
        columns={columns}
        read={read}
        filterKey={filterKey}
        onOpen={(c) => navigate({ name: 'case', id: c.id })}
        noRowsText={t('cases.list.empty')}
        testId="case-list"
        dropFirst={['updatedAt']}
        rowTestId="case-row"
        onResult={setShown}
        onSort={setSort}
        getRowClassName={(c) => (isOverdue(c, today) ? 'overdue' : '')}
      />
    </Stack>
  );
}
