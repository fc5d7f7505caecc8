import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { listActivities, type Activity } from '../../db/repositories/community/activities';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { ActivityDialog } from './ActivityDialog';
import { CommunityTabs } from './CommunityTabs';
import { HistoryDialog } from './HistoryDialog';

type Open = { what: 'new' } | { what: 'correct' | 'history'; activity: Activity } | null;

/** Volunteer activities: organiser, name, date, place, content; corrected, never overwritten. */
export function ActivitiesScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [open, setOpen] = useState<Open>(null);
  const activities = useLiveQuery(() => listActivities(db), [db]);
  const close = () => setOpen(null);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('community.title')}
        actions={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setOpen({ what: 'new' })}
          >
            {t('community.activities.new')}
          </Button>
        }
      />
      <CommunityTabs current="activities" />
      {activities?.length === 0 && <Alert severity="info">{t('community.activities.empty')}</Alert>}
      {activities && activities.length > 0 && (
        <Table size="small" data-testid="activity-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('community.col.date')}</TableCell>
              <TableCell>{t('community.field.activityName')}</TableCell>
              <TableCell>{t('community.col.organiser')}</TableCell>
              <TableCell>{t('community.col.place')}</TableCell>
              <TableCell>{t('community.field.activityContent')}</TableCell>
              <TableCell align="right">{t('community.col.version')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {activities.map((a) => (
              <TableRow key={a.id} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.date}</TableCell>
                <TableCell sx={{ fontWeight: 500 }}>{a.name}</TableCell>
                <TableCell>{a.organiser}</TableCell>
                <TableCell>{a.place}</TableCell>
                <TableCell>{a.content}</TableCell>
                <TableCell align="right">{a.version}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setOpen({ what: 'history', activity: a })}>
                    {t('community.history')}
                  </Button>
                  <Button size="small" onClick={() => setOpen({ what: 'correct', activity: a })}>
                    {t('community.correct')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open?.what === 'new' && <ActivityDialog onClose={close} />}
      {open?.what === 'correct' && <ActivityDialog activity={open.activity} onClose={close} />}
      {open?.what === 'history' && (
        <HistoryDialog kind="volunteerActivity" id={open.activity.id} onClose={close} />
      )}
    </Stack>
  );
}
