import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { listVolunteers } from '../../db/repositories/community/volunteers';
import { volunteerHoursSource } from '../../db/repositories/export/communitySources';
import { ExportListButton } from '../../export/ExportListButton';
import { volunteerHoursList } from '../../export/lists/community';
import { totalMinutesOf } from '../../db/repositories/community/volunteerServices';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { CommunityTabs } from './CommunityTabs';
import { hoursLabel } from './labels';
import { VolunteerDialog } from './VolunteerDialog';

/** The volunteer ledger (志愿者台账): number, name, skills and all-time hours of service. */
export function VolunteersScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [registering, setRegistering] = useState(false);
  const rows = useLiveQuery(async () => {
    const volunteers = await listVolunteers(db, query);
    const totals = await totalMinutesOf(
      db,
      volunteers.map((v) => v.id),
    );
    return volunteers.map((v) => ({ volunteer: v, minutes: totals.get(v.id) ?? 0 }));
  }, [db, query]);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('community.title')}
        actions={
          <>
            <ExportListButton
              definition={volunteerHoursList}
              source={() => volunteerHoursSource(db, query)}
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
      {rows?.length === 0 && <Alert severity="info">{t('community.volunteers.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="volunteer-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('community.col.number')}</TableCell>
              <TableCell>{t('community.col.name')}</TableCell>
              <TableCell>{t('community.col.skills')}</TableCell>
              <TableCell>{t('community.col.joined')}</TableCell>
              <TableCell align="right">{t('community.col.totalHours')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ volunteer: v, minutes }) => (
              <TableRow
                key={v.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                data-testid="volunteer-row"
                onClick={() => navigate({ name: 'volunteer', id: v.id })}
                onKeyDown={(e) => e.key === 'Enter' && navigate({ name: 'volunteer', id: v.id })}
              >
                <TableCell sx={{ fontFamily: 'monospace' }}>{v.volunteerNumber}</TableCell>
                <TableCell sx={{ fontWeight: 500 }}>{v.name}</TableCell>
                <TableCell>{v.skills.join('、')}</TableCell>
                <TableCell>{v.joinedOn}</TableCell>
                <TableCell align="right">{hoursLabel(t, minutes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
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
