import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { dischargeReasons, type DischargeReason } from '@shared/domain/elderlyCare/enums';
import { recordMovement, type MovementInput } from '../../../db/repositories/elderlyCare/movements';
import type { ResidentFile } from '../../../db/repositories/elderlyCare/residentFile';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { DateField } from '../../common/DateField';
import { bedName, dischargeLabel, movementLabel } from '../labels';
import { BedPicker } from './BedPicker';
import { DischargeConfirmDialog } from './DischargeConfirmDialog';

/**
 * Records one movement of a resident: the fields the event needs (a bed to move into,
 * a discharge reason, where to), its date and a note. The write path decides whether
 * it may follow from the stays before it and says why not, next to the field.
 */
export function MovementDialog(props: {
  file: ResidentFile;
  type: MovementInput['type'];
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const today = todayDate();
  const { type, file } = props;
  const current = file.current;
  const choosesBed =
    type === 'change_bed' || ((type === 'admit' || type === 'reserve') && !current);
  const [bedId, setBedId] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState<DischargeReason>('normal');
  const [destination, setDestination] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const discharging = type === 'discharge';
  // Ending a stay or a reservation is never the filled (primary) button.
  const ending = discharging || type === 'cancel_reservation';

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      await recordMovement(db, writeContext(), {
        residentId: file.resident.id,
        type,
        date,
        note,
        destination,
        ...(choosesBed ? { bedId } : type === 'admit' && current ? { bedId: current.bed.id } : {}),
        ...(type === 'change_bed' && current ? { fromBedId: current.bed.id } : {}),
        ...(type === 'discharge' ? { dischargeReason: reason } : {}),
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {movementLabel(t, type)} · {file.resident.personName}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="movement-dialog">
          {current && (
            <Alert severity="info" variant="outlined">
              {t('elderly.resident.where')}：{bedName(t, current.place)}
            </Alert>
          )}
          {choosesBed && (
            <BedPicker
              value={bedId}
              onChange={setBedId}
              error={errors.errorFor('bedId')}
              {...(current ? { exceptBedId: current.bed.id } : {})}
            />
          )}
          <DateField
            fullWidth
            label={t('elderly.field.date')}
            value={date}
            onChange={setDate}
            path="date"
            errors={errors}
          />
          {type === 'discharge' && (
            <TextField
              select
              label={t('elderly.field.dischargeReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as DischargeReason)}
              helperText=" "
            >
              {dischargeReasons.map((r) => (
                <MenuItem key={r} value={r}>
                  {dischargeLabel(t, r)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {(type === 'discharge' || type === 'leave') && (
            <TextField
              label={t('elderly.field.destination')}
              value={destination}
              onChange={(e) => setDestination(e.target.value)}
              helperText=" "
            />
          )}
          <TextField
            label={t('elderly.field.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            helperText=" "
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        {/* A discharge ends the stay: it asks first. */}
        <Button
          variant={ending ? 'outlined' : 'contained'}
          color={ending ? 'error' : 'primary'}
          disabled={saving || (choosesBed && !bedId)}
          onClick={() => (discharging ? setConfirming(true) : void save())}
        >
          {movementLabel(t, type)}
        </Button>
      </DialogActions>
      {confirming && (
        <DischargeConfirmDialog
          name={file.resident.personName}
          reason={dischargeLabel(t, reason)}
          date={date}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void save();
          }}
        />
      )}
    </Dialog>
  );
}
