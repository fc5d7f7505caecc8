import { useCallback, useMemo, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { GridPage, GridSort } from '../../../db/repositories/grid/gridQuery';
import {
  residentsGridPage,
  type ResidentGridRow,
  type ResidentSortField,
} from '../../../db/repositories/grid/residentsGrid';
import { movementsSource, residentsSource } from '../../../db/repositories/export/elderlySources';
import { ExportListButton } from '../../../export/ExportListButton';
import { movementsList } from '../../../export/lists/movements';
import { residentsList } from '../../../export/lists/residents';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { ServerGrid, type GridPaging } from '../../../ui/grid/ServerGrid';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { ElderlyTabs } from '../ElderlyTabs';
import { useElderlyRole } from '../useElderlyRole';
import { residentColumns } from './residentColumns';

/**
 * 入住老人: residents by name or pinyin initials, each with bed, status and level, in a
 * table paged by the store (residentsGridPage, which the export reads too).
 */
export function ResidentsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [query, setQuery] = useState('');
  const today = todayDate();
  const [sort, setSort] = useState<GridSort<ResidentSortField> | null>(null);
  const [shown, setShown] = useState<GridPage<ResidentGridRow> | null>(null);
  const read = useCallback(
    (paging: GridPaging<ResidentSortField>) =>
      residentsGridPage(db, { ...paging, filter: query }, today),
    [db, query, today],
  );
  const columns = useMemo(() => residentColumns(t, today), [t, today]);
  const noRows = t(query.trim() === '' ? 'elderly.resident.empty' : 'elderly.resident.noResults');

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('elderly.title')}
        actions={
          <>
            <ExportListButton
              definition={movementsList}
              source={() => movementsSource(db, query)}
              label={t('listExport.movements')}
            />
            <ExportListButton
              definition={residentsList}
              source={() => residentsSource(db, query, today, sort)}
              label={t('listExport.residents')}
            />
            {may('record') && (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => navigate({ name: 'elderlyResidentNew' })}
              >
                {t('elderly.resident.new')}
              </Button>
            )}
          </>
        }
      />
      <ElderlyTabs current="elderlyResidents" />
      <TextField
        label={t('elderly.field.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        sx={{ width: 360 }}
        autoComplete="off"
      />
      {shown?.total === 0 && (
        <Alert severity="info" data-testid="residents-none">
          {noRows}
        </Alert>
      )}
      <ServerGrid<ResidentGridRow, ResidentSortField>
        columns={columns}
        read={read}
        filterKey={query.trim()}
        onOpen={(r) => navigate({ name: 'elderlyResident', id: r.id })}
        // The alert above says it (and the tests read it there).
        noRowsText=""
        testId="resident-list"
        dropFirst={['updatedAt']}
        rowTestId="resident-row"
        onResult={setShown}
        onSort={setSort}
      />
    </Stack>
  );
}
