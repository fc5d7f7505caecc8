import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { hoursText } from '@shared/domain/community/hours';
import { serviceTypes, type ServiceType } from '@shared/domain/community/serviceRecord';
import { listServices, type ServiceFilter } from '../../db/repositories/community/services';
import { servicesSource } from '../../db/repositories/export/communitySources';
import { ExportListButton } from '../../export/ExportListButton';
import { servicesList } from '../../export/lists/community';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CommunityTabs } from './CommunityTabs';
import { hoursLabel, serviceTypeLabel, spanText } from './labels';

/** The service ledger: records of a period (this year by default), newest first. */
export function ServicesScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const today = todayDate();
  const [type, setType] = useState<ServiceType | ''>('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const filter: ServiceFilter = { from, to, ...(type ? { type } : {}) };
  const records = useLiveQuery(() => listServices(db, filter), [db, from, to, type]);
  const total = (records ?? []).reduce((sum, r) => sum + r.durationMinutes, 0);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('community.title')}
        actions={
          <>
            <ExportListButton definition={servicesList} source={() => servicesSource(db, filter)} />
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
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
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
          <TextField
            key={bound}
            type="date"
            label={t(`community.services.${bound}`)}
            value={bound === 'from' ? from : to}
            onChange={(e) => (bound === 'from' ? setFrom : setTo)(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 170 }}
          />
        ))}
        {records && records.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('community.services.shown', {
              count: records.length,
              hours: hoursText(total),
            })}
          </Typography>
        )}
      </Stack>
      {records?.length === 0 && <Alert severity="info">{t('community.services.empty')}</Alert>}
      {records && records.length > 0 && (
        <Table size="small" data-testid="service-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('community.col.when')}</TableCell>
              <TableCell>{t('community.col.type')}</TableCell>
              <TableCell>{t('community.col.place')}</TableCell>
              <TableCell>{t('community.col.served')}</TableCell>
              <TableCell align="right">{t('community.col.duration')}</TableCell>
              <TableCell align="right">{t('community.col.version')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((r) => (
              <TableRow
                key={r.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                onClick={() => navigate({ name: 'service', id: r.id })}
                onKeyDown={(e) => e.key === 'Enter' && navigate({ name: 'service', id: r.id })}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{spanText(r.startAt, r.endAt)}</TableCell>
                <TableCell>{serviceTypeLabel(t, r.type)}</TableCell>
                <TableCell>{r.place}</TableCell>
                <TableCell>
                  {r.served.length > 3
                    ? t('community.people', { count: r.served.length })
                    : r.served.map((p) => p.name).join('、')}
                </TableCell>
                <TableCell align="right">{hoursLabel(t, r.durationMinutes)}</TableCell>
                <TableCell align="right">{r.version}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
