import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { abilityLevels, type AbilityLevel } from '@shared/domain/elderlyCare/enums';
import { fenToYuanInput } from '@shared/money/fen';
import { correctContract, createContract } from '../../../db/repositories/elderlyCare/residents';
import type { Contract } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { MoneyField, yuanTextToFen } from '../../common/MoneyField';
import { DateField } from '../../common/DateField';
import { levelLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';

const fees = ['bedFeeFen', 'careFeeFen', 'mealFeeFen', 'depositFen'] as const;
type Fee = (typeof fees)[number];
const feeLabel = {
  bedFeeFen: 'elderly.field.bedFee',
  careFeeFen: 'elderly.field.careFee',
  mealFeeFen: 'elderly.field.mealFee',
  depositFen: 'elderly.field.deposit',
} as const;

/**
 * A service contract, new or corrected. Fees are typed in yuan and saved as integer
 * fen; a correction asks why and keeps the superseded contract.
 */
export function ContractDialog(props: {
  residentId: string;
  bedId: string | null;
  careLevel: AbilityLevel | undefined;
  existing?: Contract;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const e = props.existing;
  const [form, setForm] = useState({
    contractNo: e?.contractNo ?? '',
    startDate: e?.startDate ?? todayDate(),
    endDate: e?.endDate ?? '',
    careLevel: e?.careLevel ?? props.careLevel ?? ('intact' as AbilityLevel),
  });
  const [money, setMoney] = useState<Record<Fee, string>>(() => {
    const text = (fen: number | undefined) => (fen === undefined ? '' : fenToYuanInput(fen));
    return {
      bedFeeFen: text(e?.bedFeeFen),
      careFeeFen: text(e?.careFeeFen),
      mealFeeFen: text(e?.mealFeeFen),
      depositFen: text(e?.depositFen),
    };
  });
  const [reason, setReason] = useState('');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  async function save() {
    errors.clear();
    const amounts = Object.fromEntries(fees.map((f) => [f, yuanTextToFen(money[f])]));
    const bad = fees.filter((f) => amounts[f] === null);
    if (bad.length > 0) {
      errors.setError({
        code: 'validation',
        message: 'Bad amount.',
        fieldErrors: bad.map((path) => ({ path, code: 'money.format' })),
      });
      return;
    }
    const data = {
      ...form,
      ...(amounts as Record<Fee, number>),
      residentId: props.residentId,
      bedId: e?.bedId ?? props.bedId,
    };
    try {
      if (e) await correctContract(db, writeContext(), e, data, reason);
      else await createContract(db, writeContext(), data);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const help = (path: string) => ({
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
    fullWidth: true,
  });
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {e ? t('elderly.resident.correct') : t('elderly.resident.newContract')}
      </DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }}>
          <Grid size={6}>
            <TextField
              label={t('elderly.field.contractNo')}
              value={form.contractNo}
              onChange={(ev) => set({ contractNo: ev.target.value })}
              {...help('contractNo')}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              select
              label={t('elderly.field.careLevel')}
              value={form.careLevel}
              onChange={(ev) => set({ careLevel: ev.target.value as AbilityLevel })}
              {...help('careLevel')}
            >
              {abilityLevels.map((l) => (
                <MenuItem key={l} value={l}>
                  {levelLabel(t, l)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={6}>
            <DateField
              label={t('elderly.field.start')}
              value={form.startDate}
              onChange={(startDate) => set({ startDate })}
              path="startDate"
              errors={errors}
              fullWidth
            />
          </Grid>
          <Grid size={6}>
            <DateField
              label={t('elderly.field.end')}
              value={form.endDate}
              onChange={(endDate) => set({ endDate })}
              path="endDate"
              errors={errors}
              fullWidth
            />
          </Grid>
          {fees.map((f) => (
            <Grid key={f} size={6}>
              <MoneyField
                label={t(feeLabel[f])}
                value={money[f]}
                onChange={(v) => setMoney((m) => ({ ...m, [f]: v }))}
                error={errors.errorFor(f)}
              />
            </Grid>
          ))}
          {e && (
            <Grid size={12}>
              <TextField
                label={t('elderly.contract.correctionReason')}
                value={reason}
                onChange={(ev) => setReason(ev.target.value)}
                {...help('reason')}
              />
            </Grid>
          )}
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
