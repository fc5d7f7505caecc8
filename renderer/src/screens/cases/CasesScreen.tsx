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
import { programmes, type Programme } from '@shared/domain/assistanceCase';
import { programmeModules } from '@shared/programmes/registry';
import { listCases, type CaseListFilter } from '../../db/repositories/caseQueries';
import { casesSource } from '../../db/repositories/export/casesSource';
import { ExportListButton } from '../../export/ExportListButton';
import { casesList } from '../../export/lists/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { statusLabel, todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CaseRows } from './CaseRows';

const pageSize = 200;

/**
 * The cases of every programme: search by applicant, filter by programme, status or
 * overdue, newest first.
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
  const [limit, setLimit] = useState(pageSize);
  const today = todayDate();

  const listFilter: CaseListFilter = {
    today,
    overdueOnly,
    ...(query.trim() ? { query } : {}),
    ...(status ? { status } : {}),
    ...(programme ? { programme } : {}),
  };
  const cases = useLiveQuery(
    () => listCases(db, listFilter, 0, limit),
    // listFilter is rebuilt each render from these.
    [db, query, programme, status, overdueOnly, limit, today],
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
          <>
            <ExportListButton definition={casesList} source={() => casesSource(db, listFilter)} />
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
          label={t('programme.choose')}
          value={programme}
          onChange={(e) => filter(() => setProgramme(e.target.value as Programme | ''))}
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
          onChange={(e) => filter(() => setStatus(e.target.value as string | ''))}
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
