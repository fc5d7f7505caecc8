import { useCallback, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import { loadRolls, type RollFilter } from '../../figuresApi';
import { yuan } from '../../queueApi';
import { useLoad } from '../useLoad';
import { RollStatusChip } from './RollStatusChip';

const programmes = ['dibao', 'tekun', 'temporary'] as const;

/** 发放名册: every office's payment rolls with state and content hash, filtered. */
export function RollsScreen(props: {
  onError: (error: unknown) => void;
  onOpen: (rollId: string) => void;
}) {
  const { t, wordFor } = useI18n();
  const [filter, setFilter] = useState<RollFilter>({ office: '', month: '', programme: '' });
  const load = useCallback(() => loadRolls(filter), [filter]);
  const { value } = useLoad(load, props.onError);
  const rolls = value?.rolls ?? [];
  const pick = (name: 'office' | 'programme', label: string, options: [string, string][]) => (
    <TextField
      select
      size="small"
      label={label}
      value={filter[name]}
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
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">{t('rolls.help')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
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
        <TextField
          type="month"
          size="small"
          label={t('rolls.month')}
          value={filter.month}
          onChange={(e) => setFilter({ ...filter, month: e.target.value })}
          helperText={t('rolls.monthHelp')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      <Paper sx={{ overflowX: 'auto', '& th, & td': { whiteSpace: 'nowrap' } }}>
        <Table size="small" aria-label={t('nav.rolls')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('queue.office')}</TableCell>
              <TableCell>{t('queue.programme')}</TableCell>
              <TableCell>{t('rolls.month')}</TableCell>
              <TableCell>{t('rolls.version')}</TableCell>
              <TableCell>{t('rolls.status')}</TableCell>
              <TableCell align="right">{t('rolls.lines')}</TableCell>
              <TableCell align="right">{t('rolls.covered')}</TableCell>
              <TableCell align="right">{t('rolls.total')}</TableCell>
              <TableCell>{t('rolls.approved')}</TableCell>
              <TableCell>{t('rolls.hash')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rolls.map((r) => (
              <TableRow key={r.id} hover>
                <TableCell>{r.officeName}</TableCell>
                <TableCell>{wordFor('programme.', r.programme)}</TableCell>
                <TableCell>{r.month}</TableCell>
                <TableCell>{r.rollVersion}</TableCell>
                <TableCell>
                  <RollStatusChip status={r.status} />
                  {r.problemCount > 0 && (
                    <Chip
                      size="small"
                      color="warning"
                      sx={{ ml: 1 }}
                      label={t('roll.problems', { count: r.problemCount })}
                    />
                  )}
                </TableCell>
                <TableCell align="right">{r.lineCount}</TableCell>
                <TableCell align="right">{r.coveredCount}</TableCell>
                <TableCell align="right">{yuan(r.totalFen)}</TableCell>
                <TableCell>{r.approvedBy ? `${r.approvedBy} ${r.approvedOn ?? ''}` : ''}</TableCell>
                <TableCell>
                  <Tooltip title={r.hash}>
                    <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                      {r.hash.slice(0, 12)}…
                    </Typography>
                  </Tooltip>
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => props.onOpen(r.id)}>
                    {t('rolls.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {value && rolls.length === 0 && (
          <Alert severity="info" sx={{ m: 1 }}>
            {t('rolls.empty')}
          </Alert>
        )}
      </Paper>
      <Typography color="text.secondary">{t('rolls.count', { count: rolls.length })}</Typography>
    </Stack>
  );
}
