import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Period } from '@shared/medical/timeline';
import type { CoverageRecord } from '../../db/repositories/medical/coverage';
import { coverageView } from '../../db/repositories/medical/coverageView';
import { DateField } from '../common/DateField';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { todayDate } from '../common/labels';
import { ChangesList } from './ChangesList';
import { CoverageDialog, type CoverageDialogMode } from './CoverageDialog';
import { CoverageList, type RecordAction } from './CoverageList';
import { ExportButton } from './ExportButton';
import { lastMonthPeriod, monthPeriod, quarterPeriod } from './labels';
import { MedicalHistoryDialog } from './MedicalHistoryDialog';

type Open =
  | { what: CoverageDialogMode; record?: CoverageRecord }
  | { what: 'history'; record: CoverageRecord }
  | null;

/**
 * 医疗救助: the coverage register the medical-insurance office needs. Who is covered on
 * a day (derived from 特困/低保 cases or entered by hand), the hand records' corrections,
 * the changes of a period and their XLSX export. The desk computes no claims.
 */
export function MedicalScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const today = todayDate();
  const [asOf, setAsOf] = useState(today);
  const [period, setPeriod] = useState<Period>(() => monthPeriod(today));
  const [open, setOpen] = useState<Open>(null);
  const view = useLiveQuery(() => coverageView(db, asOf, period), [db, asOf, period]);
  const close = () => setOpen(null);
  const onRecord = (action: RecordAction, record: CoverageRecord) =>
    setOpen({ what: action, record });
  const validDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('medical.title')}
        actions={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setOpen({ what: 'add' })}
            data-testid="coverage-add"
          >
            {t('medical.add')}
          </Button>
        }
      />
      <Alert severity="info" variant="outlined">
        {t('medical.intro')}
      </Alert>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t('medical.list')}
          </Typography>
          <DateField
            helperSpace={false}
            size="small"
            label={t('medical.asOf')}
            value={asOf}
            onChange={(v) => validDay(v) && setAsOf(v)}
            testId="as-of"
          />
        </Stack>
        {view && view.covered.length === 0 && (
          <Alert severity="info">{t('medical.listEmpty')}</Alert>
        )}
        {view && view.covered.length > 0 && <CoverageList view={view} onRecord={onRecord} />}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}
        >
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t('medical.changes')}
          </Typography>
          {(['from', 'to'] as const).map((end) => (
            <DateField
              helperSpace={false}
              key={end}
              size="small"
              label={t(end === 'from' ? 'medical.periodFrom' : 'medical.periodTo')}
              value={period[end]}
              onChange={(v) => validDay(v) && setPeriod((p) => ({ ...p, [end]: v }))}
              testId={`period-${end}`}
            />
          ))}
          <Button size="small" onClick={() => setPeriod(monthPeriod(today))}>
            {t('medical.thisMonth')}
          </Button>
          <Button size="small" onClick={() => setPeriod(lastMonthPeriod(today))}>
            {t('medical.lastMonth')}
          </Button>
          <Button size="small" onClick={() => setPeriod(quarterPeriod(today))}>
            {t('medical.thisQuarter')}
          </Button>
        </Stack>
        {view && view.changes.length === 0 && (
          <Alert severity="info">{t('medical.changesEmpty')}</Alert>
        )}
        {view && view.changes.length > 0 && <ChangesList view={view} />}
        <Stack sx={{ mt: 2 }}>
          <ExportButton period={period} />
        </Stack>
      </Paper>
      {view && open && open.what !== 'history' && (
        <CoverageDialog
          mode={open.what}
          {...(open.record ? { record: open.record } : {})}
          categories={view.manualCategories}
          onClose={close}
        />
      )}
      {view && open?.what === 'history' && (
        <MedicalHistoryDialog id={open.record.id} categories={view.categories} onClose={close} />
      )}
    </Stack>
  );
}
