import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import { dibaoStatuses } from '@shared/programmes/dibao/workflow';
import { listCases } from '../../db/repositories/caseQueries';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { statusLabel, todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CaseRows } from './CaseRows';

const pageSize = 200;

/** All 低保 cases: search by applicant, filter by status or overdue, newest first. */
export function CasesScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [limit, setLimit] = useState(pageSize);
  const today = todayDate();

  const cases = useLiveQuery(
    () =>
      listCases(
        db,
        {
          today,
          overdueOnly,
          ...(query.trim() ? { query } : {}),
          ...(status ? { status } : {}),
        },
        0,
        limit,
      ),
    [db, query, status, overdueOnly, limit, today],
  );
  // A new filter starts from the first page again.
  const filter = (apply: () => void) => {
    apply();
    setLimit(pageSize);
  };

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('cases.title')}
        actions={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => navigate({ name: 'caseNew' })}
          >
            {t('cases.new')}
          </Button>
        }
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          label={t('cases.search.label')}
          value={query}
          onChange={(e) => filter(() => setQuery(e.target.value))}
          size="small"
          sx={{ width: 320 }}
          autoComplete="off"
        />
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          label={t('cases.filter.status')}
          value={status}
          onChange={(e) => filter(() => setStatus(e.target.value as string | ''))}
          size="small"
          sx={{ width: 180 }}
        >
          <MenuItem value="">{t('cases.filter.allStatuses')}</MenuItem>
          {dibaoStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {statusLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Checkbox
              checked={overdueOnly}
              onChange={(e) => filter(() => setOverdueOnly(e.target.checked))}
            />
          }
          label={t('cases.filter.overdueOnly')}
        />
        <Typography variant="body2" color="text.secondary">
          {cases && cases.length > 0 && t('cases.list.shown', { count: cases.length })}
        </Typography>
      </Stack>
      {cases?.length === 0 && <Alert severity="info">{t('cases.list.empty')}</Alert>}
      {cases && cases.length > 0 && <CaseRows cases={cases} today={today} />}
      {cases && cases.length >= limit && (
        <Button onClick={() => setLimit((l) => l + pageSize)} sx={{ alignSelf: 'center' }}>
          {t('cases.list.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
