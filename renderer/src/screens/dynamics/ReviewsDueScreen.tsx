import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { programmes } from '@shared/domain/assistanceCase';
import { formatFen } from '@shared/money/fen';
import { listDueReviews, villagesOf } from '../../db/repositories/dynamics/dueReviews';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { StatusChip } from '../cases/StatusChip';
import { DynamicsTabs } from './DynamicsTabs';

/**
 * 审核 due list of every programme: reviews due by the end of this month, overdue ones
 * marked, filtered by programme and village; a row opens the case's review.
 */
export function ReviewsDueScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [programme, setProgramme] = useState('');
  const [village, setVillage] = useState('');
  const today = todayDate();
  const all = useLiveQuery(
    () => listDueReviews(db, { today, programme: programme || undefined }),
    [db, today, programme],
  );
  const rows = all?.filter((r) => !village || r.village === village);
  const overdue = rows?.filter((r) => r.state === 'overdue').length ?? 0;

  return (
    <Stack spacing={2}>
      <PageHeader title={t('dynamics.title')} />
      <DynamicsTabs current="reviewsDue" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('dynamics.due.filterProgramme')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value)}
          sx={{ minWidth: 220 }}
          data-testid="due-programme"
        >
          <MenuItem value="">{t('dynamics.due.all')}</MenuItem>
          {programmes.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`programme.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('dynamics.due.filterVillage')}
          value={village}
          onChange={(e) => setVillage(e.target.value)}
          sx={{ minWidth: 180 }}
          data-testid="due-village"
        >
          <MenuItem value="">{t('dynamics.due.all')}</MenuItem>
          {villagesOf(all ?? []).map((v) => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
        {rows && rows.length > 0 && (
          <span data-testid="due-count">
            {t('dynamics.due.count', { due: rows.length - overdue, overdue })}
          </span>
        )}
      </Stack>
      {rows?.length === 0 && <Alert severity="info">{t('dynamics.due.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="due-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('dynamics.col.applicant')}</TableCell>
              <TableCell>{t('dynamics.col.programme')}</TableCell>
              <TableCell>{t('dynamics.col.village')}</TableCell>
              <TableCell>{t('dynamics.col.status')}</TableCell>
              <TableCell>{t('dynamics.col.reviewDue')}</TableCell>
              <TableCell align="right">{t('dynamics.col.amount')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ case: c, village: v, state }) => (
              <TableRow key={c.id} hover data-testid="due-row">
                <TableCell sx={{ fontWeight: 500 }}>{c.applicantName}</TableCell>
                <TableCell>{t(`programme.${c.programme}`)}</TableCell>
                <TableCell>{v}</TableCell>
                <TableCell>
                  <StatusChip status={c.status} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {c.reviewDue}{' '}
                  <Chip
                    size="small"
                    color={state === 'overdue' ? 'error' : 'warning'}
                    variant={state === 'overdue' ? 'filled' : 'outlined'}
                    label={t(state === 'overdue' ? 'dynamics.overdue' : 'dynamics.dueThisMonth')}
                    data-testid={`due-${state}`}
                  />
                </TableCell>
                <TableCell align="right">¥{formatFen(c.benefit.benefitFen)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => navigate({ name: 'caseReview', id: c.id })}>
                    {t('dynamics.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
