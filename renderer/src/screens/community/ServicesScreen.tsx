import { DateField } from '../common/DateField';
import { unfinishedDate } from '../common/dateValue';
import { useCallback, useMemo, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { serviceTypes, type ServiceType } from '@shared/domain/community/serviceRecord';
import type { ServiceFilter, ServiceRecord } from '../../db/repositories/community/services';
import type { GridPage, GridSort } from '../../db/repositories/grid/gridQuery';
import { servicesGridPage, type ServiceSortField } from '../../db/repositories/grid/servicesGrid';
import { servicesSource } from '../../db/repositories/export/communitySources';
import { ExportListButton } from '../../export/ExportListButton';
import { servicesList } from '../../export/lists/community';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { ServerGrid, type GridPaging } from '../../ui/grid/ServerGrid';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CommunityTabs } from './CommunityTabs';
import { serviceColumns } from './serviceColumns';
import { serviceTypeLabel } from './labels';

/**
 * The service ledger: records of a period (this year by default) and type, newest
 * first, in a table paged by the store (servicesGridPage, which the export reads too).
 */
export function ServicesScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const today = todayDate();
  const [type, setType] = useState<ServiceType | ''>('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const filter: ServiceFilter = { from, to, ...(type ? { type } : {}) };
  const filterKey = JSON.stringify(filter);
  const [sort, setSort] = useState<GridSort<ServiceSortField> | null>(null);
  const [shown, setShown] = useState<GridPage<ServiceRecord> | null>(null);
  const read = useCallback(
    (paging: GridPaging<ServiceSortField>) =>
      servicesGridPage(db, { ...paging, filter: JSON.parse(filterKey) as ServiceFilter }),
    [db, filterKey],
  );
  const columns = useMemo(() => serviceColumns(t), [t]);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('community.title')}
        actions={
          <>
            <ExportListButton
              definition={servicesList}
              source={() => servicesSource(db, filter, sort)}
            />
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => navigate({ name: 'serviceNew' })}
            >
              {t('community.services.new')}
            </Button>
          </>
        }
      />
      <CommunityTabs current="services" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('community.services.type')}
          value={type}
          onChange={(e) => setType(e.target.value as ServiceType | '')}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
        >
          <MenuItem value="">{t('community.services.allTypes')}</MenuItem>
          {serviceTypes.map((s) => (
            <MenuItem key={s} value={s}>
              {serviceTypeLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
        {(['from', 'to'] as const).map((bound) => (
          <DateField
            helperSpace={false}
            key={bound}
            label={t(`community.services.${bound}`)}
            value={bound === 'from' ? from : to}
            // A half-typed date keeps the last whole one as the filter.
            onChange={(v) => v !== unfinishedDate && (bound === 'from' ? setFrom : setTo)(v)}
            sx={{ width: 190 }}
          />
        ))}
        <Typography variant="body2" color="text.secondary" data-testid="service-count">
          {shown && shown.total >= 0 && t('grid.count', { count: shown.total })}
        </Typography>
      </Stack>
      <ServerGrid<ServiceRecord, ServiceSortField>
        columns={columns}
        read={read}
        filterKey={filterKey}
        onOpen={(r) => navigate({ name: 'service', id: r.id })}
        noRowsText={t('community.services.empty')}
        testId="service-list"
        dropFirst={['version', 'place']}
        rowTestId="service-row"
        onResult={setShown}
        onSort={setSort}
      />
    </Stack>
  );
}
