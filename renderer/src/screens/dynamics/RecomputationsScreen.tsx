import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { monthOf } from '@shared/calendar/dates';
import { programmes, type BenefitSnapshot, type Programme } from '@shared/domain/assistanceCase';
import { programmeModules } from '@shared/programmes/registry';
import { formatFen } from '@shared/money/fen';
import {
  approveRecomputation,
  listRecomputations,
  prepareRecomputation,
  type BenefitRecomputation,
} from '../../db/repositories/dynamics/recomputations';
import { MonthField } from '../common/MonthField';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { classificationLabel, todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { DynamicsTabs } from './DynamicsTabs';

/** The programmes paid monthly, whose amounts follow a published standard. */
const monthlyProgrammes = programmes.filter((p) => programmeModules[p].payment === 'monthly');

/**
 * A new standard for a month: a monthly programme's cases paid that month (低保; 特困,
 * whose basic living follows the 低保 standard) recomputed into a list of old → new
 * amounts, which the supervisor approves (each line then corrects its case).
 */
export function RecomputationsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [programme, setProgramme] = useState<Programme>('dibao');
  const [month, setMonth] = useState(monthOf(todayDate()));
  const [note, setNote] = useState('');
  const lists = useLiveQuery(() => listRecomputations(db), [db]);

  async function run(action: () => Promise<unknown>) {
    errors.clear();
    try {
      await action();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Stack spacing={2}>
      <PageHeader title={t('dynamics.title')} />
      <DynamicsTabs current="recomputations" />
      {/* Wraps at a narrow window: the note keeps room for its whole label (it was cut, and
          the button beside it broke onto two lines, at 1024 px). */}
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          select
          id="programme"
          size="small"
          label={t('programme.choose')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value as Programme)}
          helperText=" "
          sx={{ minWidth: 140 }}
        >
          {monthlyProgrammes.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`programme.short.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <MonthField
          path="month"
          errors={errors}
          size="small"
          label={t('dynamics.recompute.month')}
          value={month}
          onChange={setMonth}
        />
        <TextField
          id="standardNote"
          size="small"
          label={t('dynamics.recompute.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={Boolean(errors.errorFor('standardNote'))}
          helperText={errors.errorFor('standardNote') ?? ' '}
          sx={{ flex: '1 1 340px' }}
        />
        <Button
          variant="contained"
          data-testid="recompute-prepare"
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          onClick={() =>
            void run(() =>
              prepareRecomputation(db, writeContext(), {
                programme,
                month,
                standardNote: note,
              }),
            )
          }
        >
          {t('dynamics.recompute.prepare')}
        </Button>
      </Stack>
      {errors.error && <ErrorSummary error={errors.error} summary={errors.summary} />}
      {lists?.length === 0 && <Alert severity="info">{t('dynamics.recompute.empty')}</Alert>}
      {lists?.map((list) => (
        <RecomputationCard
          key={list.id}
          list={list}
          onApprove={() =>
            void run(() => approveRecomputation(db, writeContext(), list.id, list.version))
          }
        />
      ))}
    </Stack>
  );
}

function RecomputationCard(props: { list: BenefitRecomputation; onApprove: () => void }) {
  const { t } = useT();
  const { list } = props;
  const yuan = (fen: number) => `¥${formatFen(fen)}`;
  const amount = (b: BenefitSnapshot) =>
    `${yuan(b.benefitFen)}（${classificationLabel(t, b.classification)}，S ${yuan(b.standardFen)}）`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="recomputation">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t(`programme.short.${list.programme}`)}
          {' · '}
          {t('dynamics.recompute.summary', {
            month: list.month,
            changed: list.lines.length,
            unchanged: list.unchangedCount,
          })}
          {' · '}
          {list.standardNote}
        </Typography>
        <Chip
          size="small"
          color={list.status === 'approved' ? 'success' : 'warning'}
          label={
            list.status === 'approved'
              ? t('dynamics.recompute.approved', { date: list.approvedOn ?? '' })
              : t('dynamics.recompute.draft')
          }
        />
        {list.status === 'draft' && (
          <Button variant="contained" onClick={props.onApprove} data-testid="recompute-approve">
            {t('dynamics.recompute.approve')}
          </Button>
        )}
      </Stack>
      {list.lines.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('dynamics.col.applicant')}</TableCell>
              <TableCell align="right">{t('dynamics.recompute.old')}</TableCell>
              <TableCell align="right">{t('dynamics.recompute.new')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.lines.map((l) => (
              <TableRow key={l.caseId}>
                <TableCell>{l.applicantName}</TableCell>
                <TableCell align="right">{amount(l.oldBenefit)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {amount(l.newBenefit)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
