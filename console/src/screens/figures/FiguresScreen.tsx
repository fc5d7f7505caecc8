import { useCallback, useState } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { FigureRow } from '@shared/figures/monthlyFigures';
import { ConsoleApiError } from '../../api';
import { downloadFigures, loadFigures } from '../../figuresApi';
import { useI18n } from '../../i18n/i18n';
import { yuan } from '../../queueApi';
import { useLoad } from '../useLoad';
import { FigureCharts } from './FigureCharts';
import { RollStatusChip } from './RollStatusChip';

/** This month in the browser's calendar, 'YYYY-MM'. */
const thisMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
};

/**
 * 统计: the county's figures of a month by programme and office (what each figure means
 * is said above the table), two charts, and the Excel export.
 */
export function FiguresScreen(props: { onError: (error: unknown) => void }) {
  const { t, wordFor, fieldError, appError } = useI18n();
  const [month, setMonth] = useState(thisMonth);
  const [monthError, setMonthError] = useState('');
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { onError } = props;
  // A refusal naming the month shows at the field; any other goes to the shell.
  const refused = useCallback(
    (error: unknown) => {
      const field =
        error instanceof ConsoleApiError
          ? error.data.fieldErrors?.find((f) => f.path === 'month')
          : undefined;
      if (field) setMonthError(fieldError(field));
      else onError(error);
      return field !== undefined;
    },
    [fieldError, onError],
  );
  const load = useCallback(() => loadFigures(month), [month]);
  const { value } = useLoad(
    load,
    useCallback((error: unknown) => void refused(error), [refused]),
  );
  const figures = value && value.month === month ? value : null;
  const names = new Map((value?.offices ?? []).map((o) => [o.id, o.name]));
  const exportNow = async () => {
    setExporting(true);
    setNotice(null);
    try {
      await downloadFigures(month);
      setNotice({ ok: true, text: t('figures.exported', { month }) });
    } catch (error) {
      if (!refused(error) && error instanceof ConsoleApiError) {
        setNotice({ ok: false, text: appError(error.data) });
      }
    } finally {
      setExporting(false);
    }
  };
  const row = (r: FigureRow, total: boolean) => (
    <TableRow key={`${r.programme}/${r.officeId}`} sx={total ? { bgcolor: 'action.hover' } : {}}>
      <TableCell sx={total ? { fontWeight: 'bold' } : {}}>
        {wordFor('programme.', r.programme)}
      </TableCell>
      <TableCell sx={total ? { fontWeight: 'bold' } : {}}>
        {total ? t('figures.total') : (names.get(r.officeId) ?? r.officeId)}
      </TableCell>
      <TableCell align="right">{r.casesInPayment}</TableCell>
      <TableCell align="right">{r.peopleCovered}</TableCell>
      <TableCell align="right">{r.newCases}</TableCell>
      <TableCell align="right">{r.stoppedCases}</TableCell>
      <TableCell>{total ? '' : <RollStatusChip status={r.rollStatus} />}</TableCell>
      <TableCell align="right">{yuan(r.rollFen)}</TableCell>
      <TableCell align="right" sx={{ fontWeight: 'bold' }}>
        {yuan(r.paidFen)}
      </TableCell>
    </TableRow>
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          type="month"
          size="small"
          label={t('figures.month')}
          value={month}
          onChange={(e) => {
            setMonthError('');
            setNotice(null);
            setMonth(e.target.value);
          }}
          error={monthError !== ''}
          helperText={monthError || ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Typography sx={{ flexGrow: 1 }} />
        <Button
          variant="contained"
          disabled={exporting || monthError !== ''}
          onClick={() => void exportNow()}
          startIcon={exporting ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          {exporting ? t('figures.exporting') : t('figures.export')}
        </Button>
      </Stack>
      {notice && (
        <Alert severity={notice.ok ? 'success' : 'error'} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <Alert severity="info">{t('figures.help')}</Alert>
      {!figures && !monthError && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CircularProgress size={20} />
          <Typography>{t('figures.loading')}</Typography>
        </Stack>
      )}
      {figures && figures.offices.length === 0 && (
        <Alert severity="info">{t('figures.noOffices')}</Alert>
      )}
      {figures && (
        <>
          <Paper sx={{ overflowX: 'auto', '& th, & td': { whiteSpace: 'nowrap' } }}>
            <Table size="small" aria-label={t('figures.table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('figures.programme')}</TableCell>
                  <TableCell>{t('figures.office')}</TableCell>
                  <TableCell align="right">{t('figures.casesInPayment')}</TableCell>
                  <TableCell align="right">{t('figures.peopleCovered')}</TableCell>
                  <TableCell align="right">{t('figures.newCases')}</TableCell>
                  <TableCell align="right">{t('figures.stoppedCases')}</TableCell>
                  <TableCell>{t('figures.rollStatus')}</TableCell>
                  <TableCell align="right">{t('figures.rollFen')}</TableCell>
                  <TableCell align="right">{t('figures.paidFen')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {figures.totals.flatMap((total) => [
                  ...figures.rows
                    .filter((r) => r.programme === total.programme)
                    .map((r) => row(r, false)),
                  row(total, true),
                ])}
              </TableBody>
            </Table>
          </Paper>
          <FigureCharts figures={figures} />
        </>
      )}
    </Stack>
  );
}
