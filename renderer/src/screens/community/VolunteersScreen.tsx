import { useCallback, useMemo, useState } from 'react';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { GridSort } from '../../db/repositories/grid/gridQuery';
import {
  volunteersGridPage,
  type VolunteerGridRow,
  type VolunteerSortField,
} from '../../db/repositories/grid/volunteersGrid';
import { volunteerHoursSource } from '../../db/repositories/export/communitySources';
import { ExportListButton } from '../../export/ExportListButton';
import { volunteerHoursList } from '../../export/lists/community';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { ServerGrid, type GridPaging } from '../../ui/grid/ServerGrid';
import { PageHeader } from '../common/PageHeader';
import { CommunityTabs } from './CommunityTabs';
import { volunteerColumns } from './volunteerColumns';
import { VolunteerDialog } from './VolunteerDialog';

/**
 * The volunteer ledger (志愿者台账): number, name, skills and all-time hours of service,
 * in a table paged by the store (volunteersGridPage, which the export reads too).
 */
export function VolunteersScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [registering, setRegistering] = useState(false);
  const [sort, setSort] = useState<GridSort<VolunteerSortField> | null>(null);
  const read = useCallback(
    (paging: GridPaging<VolunteerSortField>) =>
      volunteersGridPage(db, { ...paging, filter: query }),
    [db, query],
  );
  const columns = useMemo(() => volunteerColumns(t), [t]);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('community.title')}
        actions={
          <>
            <ExportListButton
              definition={volunteerHoursList}
              source={() => volunteerHoursSource(db, query, sort)}
            />
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setRegistering(true)}
            >
              {t('community.volunteers.new')}
            </Button>
          </>
        }
      />
      <CommunityTabs current="volunteers" />
      <TextField
        label={t('community.volunteers.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        sx={{ maxWidth: 420 }}
      />
      <ServerGrid<VolunteerGridRow, VolunteerSortField>
        columns={columns}
        read={read}
        filterKey={query.trim()}
        onOpen={(v) => navigate({ name: 'volunteer', id: v.id })}
        noRowsText={t('community.volunteers.empty')}
        testId="volunteer-list"
        rowTestId="volunteer-row"
        onSort={setSort}
      />
      {registering && (
        <VolunteerDialog
          onClose={(saved) => {
            setRegistering(false);
            if (saved) navigate({ name: 'volunteer', id: saved.id });
          }}
        />
      )}
    </Stack>
  );
}
