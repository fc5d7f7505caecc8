import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { sexRules, type SexRule } from '@shared/domain/elderlyCare/enums';
import { editBed } from '../../../db/repositories/elderlyCare/beds';
import type { Bed } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { sexRuleLabel } from '../labels';
import { ReasonField } from '../ReasonField';
import { lacksRepairReason, repairReasonOf } from './repairReason';

/**
 * Corrects a bed's number, sex rule or note with a reason. Its type and start of
 * service are fixed (past figures were counted from them): converting a bed means
 * retiring it and adding a new one.
 */
export function BedEditDialog(props: { bed: Bed; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const { bed } = props;
  const [number, setNumber] = useState(bed.number);
  const [sexRule, setSexRule] = useState<SexRule>(bed.sexRule);
  const [note, setNote] = useState(bed.note);
  const [repair, setRepair] = useState(repairReasonOf(bed));
  const [reason, setReason] = useState('');

  async function save() {
    errors.clear();
    try {
      // Under repair, the repair reason can be corrected too — and must be given when a
      // bed put under repair before reasons were recorded has none.
      const fields = bed.maintenance
        ? { number, sexRule, note, maintenanceReason: repair }
        : { number, sexRule, note };
      await editBed(db, writeContext(), bed, fields, reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const help = (path: string) => ({
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
  });
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('elderly.fix.editBed')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            label={t('elderly.fix.bedNumber')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            autoFocus={!lacksRepairReason(bed)}
            {...help('number')}
          />
          <TextField
            select
            label={t('elderly.field.sexRule')}
            value={sexRule}
            onChange={(e) => setSexRule(e.target.value as SexRule)}
            {...help('sexRule')}
          >
            {sexRules.map((s) => (
              <MenuItem key={s} value={s}>
                {sexRuleLabel(t, s)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('elderly.field.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...help('note')}
          />
          {bed.maintenance && (
            <TextField
              label={t('elderly.fix.maintenanceReason')}
              value={repair}
              onChange={(e) => setRepair(e.target.value)}
              required
              autoFocus={lacksRepairReason(bed)}
              {...help('maintenanceReason')}
              slotProps={{ htmlInput: { 'data-testid': 'edit-maintenance-reason' } }}
            />
          )}
          <ReasonField value={reason} onChange={setReason} error={errors.errorFor('reason')} />
        </Stack>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
