import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { monthOf } from '@shared/calendar/dates';
import { programmes, type Programme } from '@shared/domain/assistanceCase';
import { formatFen } from '@shared/money/fen';
import type { RollLine } from '@shared/rolls/rollRecord';
import {
  advanceRoll,
  drawMonthRoll,
  rollsOfMonth,
  unpaidOfRoll,
} from '../../db/repositories/rolls/paymentRolls';
import { exportRoll } from '../../db/repositories/rolls/rollExport';
import { isWholeMonth } from '../common/dateValue';
import { MonthField } from '../common/MonthField';
import { useT } from '../../i18n/useT';
import { useRoles, useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { PageHeader } from '../common/PageHeader';
import { todayDate } from '../common/labels';
import { ApproveRollDialog } from './ApproveRollDialog';
import { PayeeAccountDialog } from './PayeeAccountDialog';
import { RollChanges } from './RollChanges';
import { RollLinesTable } from './RollLinesTable';
import { UnpaidDialog } from './UnpaidDialog';
import { saveXlsx } from '../../export/saveXlsx';
import { OfficePrintMenu } from '../papers/office/OfficePrintMenu';
import { currentWorkOwner } from '../../state/workOwner';

type Open =
  | { what: 'approve' }
  | { what: 'account'; line: RollLine }
  | { what: 'unpaid'; line: RollLine }
  | null;

/**
 * 发放: a programme's roll for a month — drawn from the desk's records, its checks named
 * next to each line, checked, approved and locked by a supervisor (the content hash
 * shown), exported as XLSX for the bank (supervisor; logged), lines the bank returned
 * marked unpaid and carried into next month's roll.
 */
export function RollsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const roles = useRoles();
  const errors = useFieldErrors();
  const [programme, setProgramme] = useState<Programme>('dibao');
  const [month, setMonth] = useState(() => monthOf(todayDate()));
  const [open, setOpen] = useState<Open>(null);
  const [exported, setExported] = useState(false);
  const rolls = useLiveQuery(() => rollsOfMonth(db, programme, month), [db, programme, month]);
  const roll = rolls?.at(-1);
  const unpaid = useLiveQuery(async () => (roll ? unpaidOfRoll(db, roll.id) : []), [db, roll?.id]);
  const supervisor = roles.includes('supervisor');

  async function run(action: () => Promise<unknown>) {
    errors.clear();
    setExported(false);
    try {
      await action();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const draw = () => run(() => drawMonthRoll(db, writeContext(), programme, month));
  const check = () => run(() => advanceRoll(db, writeContext(), roll?.id ?? '', 'checked'));
  const approve = () =>
    run(async () => {
      setOpen(null);
      await advanceRoll(db, writeContext(), roll?.id ?? '', 'approved', roll?.hash);
    });
  const exportXlsx = () =>
    run(async () => {
      const owner = currentWorkOwner();
      const file = await exportRoll(db, writeContext(), roll?.id ?? '', owner);
      // Not offered to whoever is at the desk once its maker has gone (workOwner.ts).
      await owner.handOut();
      setExported(await saveXlsx(file.suggestedName, file.bytes));
    });

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('rolls.title')}
        actions={<OfficePrintMenu programme={programme} month={month} />}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          select
          size="small"
          label={t('rolls.programme')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value as Programme)}
          sx={{ minWidth: 220 }}
        >
          {programmes.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`programme.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <MonthField
          helperSpace={false}
          size="small"
          label={t('rolls.month')}
          value={month}
          onChange={(m) => isWholeMonth(m) && setMonth(m)}
        />
        {(!roll || roll.status !== 'checked') && (
          <Button variant="contained" onClick={() => void draw()}>
            {!roll
              ? t('rolls.draw')
              : roll.status === 'draft'
                ? t('rolls.redraw')
                : t('rolls.drawCorrection')}
          </Button>
        )}
        {roll?.status === 'draft' && (
          <Button
            variant="outlined"
            onClick={() => void check()}
            disabled={roll.problems.length > 0}
          >
            {t('rolls.check')}
          </Button>
        )}
        {roll?.status === 'checked' && supervisor && (
          <Button variant="contained" color="success" onClick={() => setOpen({ what: 'approve' })}>
            {t('rolls.approve')}
          </Button>
        )}
        {roll?.status === 'approved' && supervisor && (
          <Button variant="outlined" onClick={() => void exportXlsx()}>
            {t('rolls.export')}
          </Button>
        )}
      </Stack>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      {exported && <Alert severity="success">{t('rolls.exported')}</Alert>}
      {rolls && !roll && <Alert severity="info">{t('rolls.empty')}</Alert>}
      {roll && (
        <Stack spacing={1} data-testid="roll-summary">
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
            useFlexGap
          >
            <Chip
              label={t(`rolls.status.${roll.status}`)}
              color={roll.status === 'approved' ? 'success' : 'default'}
              data-testid="roll-status"
            />
            <Typography>{t('rolls.version', { n: roll.rollVersion })}</Typography>
            <Typography data-testid="roll-total">
              {t('rolls.total', { count: roll.lines.length, amount: formatFen(roll.totalFen) })}
            </Typography>
            {roll.approvedBy && (
              <Typography>
                {t('rolls.approvedBy', { name: roll.approvedBy, date: roll.approvedOn ?? '' })}
              </Typography>
            )}
          </Stack>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {t('rolls.hash')}: <span data-testid="roll-hash">{roll.hash}</span>
          </Typography>
          {roll.problems.length > 0 ? (
            <Alert severity="error" data-testid="roll-problems">
              {t('rolls.problems', { count: roll.problems.length })}
            </Alert>
          ) : (
            <Alert severity="success">{t('rolls.ok')}</Alert>
          )}
          {roll.lines.length === 0 ? (
            <Alert severity="info">{t('rolls.noLines')}</Alert>
          ) : (
            <RollLinesTable
              roll={roll}
              unpaid={unpaid ?? []}
              onAddAccount={(line) => setOpen({ what: 'account', line })}
              onMarkUnpaid={(line) => setOpen({ what: 'unpaid', line })}
            />
          )}
          <RollChanges changes={roll.changes} />
        </Stack>
      )}
      {open?.what === 'approve' && roll && (
        <ApproveRollDialog
          roll={roll}
          onCancel={() => setOpen(null)}
          onConfirm={() => void approve()}
        />
      )}
      {open?.what === 'account' && (
        <PayeeAccountDialog
          personId={open.line.payeePersonId}
          name={open.line.payeeName}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.what === 'unpaid' && roll && (
        <UnpaidDialog
          rollId={roll.id}
          lineKey={open.line.key}
          name={open.line.headName}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
