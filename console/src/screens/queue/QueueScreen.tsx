import { useCallback, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  MenuItem,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import {
  bulkConfirm,
  loadQueue,
  yuan,
  type BulkResult,
  type QueueEntry,
  type QueueFilter,
} from '../../queueApi';
import { useLoad } from '../useLoad';
import { BulkResults } from './BulkResults';
import { OpinionDialog } from './OpinionDialog';

const programmes = ['dibao', 'tekun', 'temporary'] as const;

/**
 * 待确认: every case waiting for the county, filtered by office, programme, village and
 * overdue; a reviewer selects cases and confirms them together, with a result per case.
 */
export function QueueScreen(props: {
  mayDecide: boolean;
  onError: (error: unknown) => void;
  onOpen: (caseId: string) => void;
}) {
  const { t, wordFor } = useI18n();
  const [filter, setFilter] = useState<QueueFilter>({
    office: '',
    programme: '',
    village: '',
    overdue: false,
  });
  const load = useCallback(() => loadQueue(filter), [filter]);
  const { value, reload } = useLoad(load, props.onError);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const [results, setResults] = useState<{
    list: BulkResult[];
    names: Map<string, string>;
  } | null>(null);
  const cases = value?.cases ?? [];
  const confirmable = (c: QueueEntry) => c.countyActions.some((a) => a.approves);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const pick = (name: keyof QueueFilter, label: string, options: [string, string][]) => (
    <TextField
      select
      size="small"
      label={label}
      value={filter[name] as string}
      onChange={(e) => setFilter({ ...filter, [name]: e.target.value })}
      sx={{ minWidth: 160 }}
    >
      <MenuItem value="">{t('queue.all')}</MenuItem>
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
  const names = new Map(cases.map((c) => [c.id, c.applicantName]));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {pick(
          'office',
          t('queue.office'),
          (value?.offices ?? []).map((o) => [o.id, o.name]),
        )}
        {pick(
          'programme',
          t('queue.programme'),
          programmes.map((p) => [p, wordFor('programme.', p)]),
        )}
        {pick(
          'village',
          t('queue.village'),
          (value?.villages ?? []).map((v) => [v, v]),
        )}
        <FormControlLabel
          control={
            <Switch
              checked={filter.overdue}
              onChange={(e) => setFilter({ ...filter, overdue: e.target.checked })}
            />
          }
          label={t('queue.overdue')}
        />
        <Typography sx={{ flexGrow: 1 }} color="text.secondary">
          {value ? t('queue.today', { today: value.today }) : ''}
        </Typography>
        {props.mayDecide && (
          <Button
            variant="contained"
            disabled={selected.size === 0}
            onClick={() => setAsking(true)}
          >
            {t('queue.bulkConfirm')}（{selected.size}）
          </Button>
        )}
      </Stack>
      {results && (
        <BulkResults
          results={results.list}
          names={results.names}
          onClose={() => setResults(null)}
        />
      )}
      <Paper>
        <Table size="small" aria-label={t('nav.queue')}>
          <TableHead>
            <TableRow>
              {props.mayDecide && <TableCell padding="checkbox" />}
              <TableCell>{t('queue.office')}</TableCell>
              <TableCell>{t('queue.programme')}</TableCell>
              <TableCell>{t('queue.applicant')}</TableCell>
              <TableCell>{t('queue.village')}</TableCell>
              <TableCell>{t('queue.status')}</TableCell>
              <TableCell>{t('queue.due')}</TableCell>
              <TableCell align="right">{t('queue.amount')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {cases.map((c) => (
              <TableRow key={c.id} hover>
                {props.mayDecide && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(c.id)}
                      disabled={!confirmable(c)}
                      onChange={() => toggle(c.id)}
                      slotProps={{ input: { 'aria-label': c.applicantName } }}
                    />
                  </TableCell>
                )}
                <TableCell>{c.officeName}</TableCell>
                <TableCell>{wordFor('programme.', c.programme)}</TableCell>
                <TableCell>{c.applicantName}</TableCell>
                <TableCell>{c.villageName}</TableCell>
                <TableCell>{wordFor('status.', c.status)}</TableCell>
                <TableCell>
                  {c.decisionDue ?? ''}{' '}
                  {c.overdue && <Chip size="small" color="error" label={t('queue.overdueChip')} />}
                </TableCell>
                <TableCell align="right">{yuan(c.benefitFen)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => props.onOpen(c.id)}>
                    {t('queue.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {value && cases.length === 0 && (
          <Alert severity="info" sx={{ m: 1 }}>
            {t('queue.empty')}
          </Alert>
        )}
      </Paper>
      <Typography color="text.secondary">{t('queue.count', { count: cases.length })}</Typography>
      {asking && (
        <OpinionDialog
          title={t('queue.bulkTitle', { count: selected.size })}
          submitLabel={t('queue.bulkConfirm')}
          onClose={() => setAsking(false)}
          send={async (opinion) => {
            const answer = await bulkConfirm([...selected], opinion);
            setAsking(false);
            setSelected(new Set());
            setResults({ list: answer.results, names });
            reload();
          }}
        />
      )}
    </Stack>
  );
}
