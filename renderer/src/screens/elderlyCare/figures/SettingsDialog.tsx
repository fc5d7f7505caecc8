import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { targetPercentRange, type ElderlyCareSettings } from '@shared/domain/elderlyCare/config';
import { saveElderlyCareSettings } from '../../../db/repositories/elderlyCare/settings';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { typedCount } from '../../common/typedCount';

/** The counting rules of the figures (supervisor): the nursing-bed target, held beds. */
export function SettingsDialog(props: { settings: ElderlyCareSettings; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [target, setTarget] = useState(String(props.settings.nursingBedTargetPercent));
  const [held, setHeld] = useState(props.settings.heldCountsAsOccupied);

  async function save() {
    errors.clear();
    try {
      await saveElderlyCareSettings(db, writeContext(), {
        nursingBedTargetPercent: typedCount(target, targetPercentRange, 'nursingBedTargetPercent'),
        heldCountsAsOccupied: held,
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('elderly.figures.settings')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            type="number"
            label={t('elderly.figures.targetField')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            error={Boolean(errors.errorFor('nursingBedTargetPercent'))}
            helperText={errors.errorFor('nursingBedTargetPercent') ?? ' '}
            slotProps={{ htmlInput: { min: targetPercentRange.min, max: targetPercentRange.max } }}
          />
          <FormControlLabel
            control={<Checkbox checked={held} onChange={(e) => setHeld(e.target.checked)} />}
            label={t('elderly.figures.heldField')}
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
