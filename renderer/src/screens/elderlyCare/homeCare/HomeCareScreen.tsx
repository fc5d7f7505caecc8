import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { recentVisits } from '../../../db/repositories/elderlyCare/homeCare';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { PageHeader } from '../../common/PageHeader';
import { ElderlyTabs } from '../ElderlyTabs';
import { duration, serviceLabel } from '../labels';
import { useElderlyRole } from '../useElderlyRole';
import { VisitDialog } from './VisitDialog';

/** 社区居家养老: the latest home-care visits; a person's name opens their history. */
export function HomeCareScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [adding, setAdding] = useState(false);
  const visits = useLiveQuery(() => recentVisits(db), [db]);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('elderly.homeCare.title')}
        actions={
          may('record') && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
              {t('elderly.homeCare.new')}
            </Button>
          )
        }
      />
      <ElderlyTabs current="homeCare" />
      {visits?.length === 0 && <Alert severity="info">{t('elderly.homeCare.empty')}</Alert>}
      {visits && visits.length > 0 && (
        <Paper>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('elderly.field.startAt')}</TableCell>
                <TableCell>{t('elderly.field.person')}</TableCell>
                <TableCell>{t('elderly.field.service')}</TableCell>
                <TableCell>{t('elderly.field.staff')}</TableCell>
                <TableCell>{t('elderly.field.duration')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {visits.map((v) => (
                <TableRow
                  key={v.id}
                  hover
                  tabIndex={0}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => navigate({ name: 'homeCarePerson', personId: v.personId })}
                  onKeyDown={(e) =>
                    e.key === 'Enter' && navigate({ name: 'homeCarePerson', personId: v.personId })
                  }
                  data-testid="visit-row"
                >
                  <TableCell>{v.startAt.replace('T', ' ')}</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>{v.personName}</TableCell>
                  <TableCell>{serviceLabel(t, v.serviceType)}</TableCell>
                  <TableCell>{v.staff}</TableCell>
                  <TableCell>{duration(t, v.durationMinutes)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {adding && <VisitDialog onClose={() => setAdding(false)} />}
    </Stack>
  );
}
