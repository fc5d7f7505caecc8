import { useCallback } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import { loadRoll } from '../../figuresApi';
import { yuan } from '../../queueApi';
import { useLoad } from '../useLoad';
import { RollStatusChip } from './RollStatusChip';

/** One payment roll: its state, hash, the lines (ID and account numbers masked), totals. */
export function RollScreen(props: {
  rollId: string;
  onError: (error: unknown) => void;
  onBack: () => void;
}) {
  const { t, wordFor } = useI18n();
  const load = useCallback(() => loadRoll(props.rollId), [props.rollId]);
  const { value: roll } = useLoad(load, props.onError);
  const back = (
    <Button onClick={props.onBack} sx={{ alignSelf: 'flex-start' }}>
      ← {t('roll.back')}
    </Button>
  );
  if (!roll) return back;
  const { totals } = roll;
  return (
    <Stack spacing={2}>
      {back}
      <Typography variant="h5" component="h2">
        {t('roll.title', {
          office: roll.officeName,
          programme: wordFor('programme.', roll.programme),
          month: roll.month,
          version: roll.rollVersion,
        })}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <RollStatusChip status={roll.status} />
        <Typography>{t('roll.drawn', { drawnOn: roll.drawnOn })}</Typography>
        <Typography>
          {roll.approvedBy
            ? t('roll.approvedBy', { by: roll.approvedBy, on: roll.approvedOn ?? '' })
            : t('roll.notApproved')}
        </Typography>
      </Stack>
      <Alert severity={roll.hashMatches ? 'success' : 'error'}>
        {roll.hashMatches ? t('roll.hashOk') : t('roll.hashBad')}
        <Typography component="div" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {t('rolls.hash')}：{roll.hash}
        </Typography>
      </Alert>
      {roll.problemCount > 0 && (
        <Alert severity="warning">{t('roll.problems', { count: roll.problemCount })}</Alert>
      )}
      <Typography color="text.secondary">{t('roll.masked')}</Typography>
      <Paper sx={{ overflowX: 'auto', '& th, & td': { whiteSpace: 'nowrap' } }}>
        <Table size="small" aria-label={t('nav.rolls')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('roll.number')}</TableCell>
              <TableCell>{t('roll.village')}</TableCell>
              <TableCell>{t('roll.headName')}</TableCell>
              <TableCell>{t('roll.idNumber')}</TableCell>
              <TableCell>{t('roll.payee')}</TableCell>
              <TableCell align="right">{t('rolls.covered')}</TableCell>
              <TableCell align="right">{t('roll.monthly')}</TableCell>
              <TableCell align="right">{t('roll.adjust')}</TableCell>
              <TableCell align="right">{t('roll.paid')}</TableCell>
              <TableCell>{t('roll.bank')}</TableCell>
              <TableCell>{t('roll.account')}</TableCell>
              <TableCell>{t('roll.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {roll.lines.map((l) => (
              <TableRow key={l.key}>
                <TableCell>{l.number}</TableCell>
                <TableCell>{l.village}</TableCell>
                <TableCell>{l.headName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{l.headIdNumberMasked}</TableCell>
                <TableCell>{l.payeeName}</TableCell>
                <TableCell align="right">{l.coveredCount}</TableCell>
                <TableCell align="right">{yuan(l.monthlyFen)}</TableCell>
                <TableCell align="right">{yuan(l.adjustFen)}</TableCell>
                <TableCell align="right">{yuan(l.paidFen)}</TableCell>
                <TableCell>{l.bankName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{l.accountMasked}</TableCell>
                <TableCell>
                  {[
                    wordFor('lineKind.', l.kind),
                    l.note,
                    l.unpaidReason ? t('roll.unpaid', { reason: l.unpaidReason }) : '',
                  ]
                    .filter(Boolean)
                    .join('；')}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell colSpan={5} sx={{ fontWeight: 'bold' }}>
                {t('roll.totals')}
              </TableCell>
              <TableCell align="right">{totals.coveredCount}</TableCell>
              <TableCell align="right">{yuan(totals.monthlyFen)}</TableCell>
              <TableCell align="right">{yuan(totals.adjustFen)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                {yuan(totals.paidFen)}
              </TableCell>
              <TableCell colSpan={3} />
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <Typography>
        {t('roll.totalsLine', {
          lines: totals.lines,
          covered: totals.coveredCount,
          paid: yuan(totals.paidFen),
          unpaid: yuan(totals.unpaidFen),
        })}
      </Typography>
    </Stack>
  );
}
