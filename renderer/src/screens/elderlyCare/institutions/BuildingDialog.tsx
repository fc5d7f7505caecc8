import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { addBuilding } from '../../../db/repositories/elderlyCare/institutions';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { SaveCancelActions } from '../../common/SaveCancelActions';

/** Adds a building (name and number of floors) to an institution. */
export function BuildingDialog(props: { institutionId: string; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [name, setName] = useState('');
  const [floors, setFloors] = useState('3');

  async function save() {
    errors.clear();
    try {
      await addBuilding(db, writeContext(), {
        institutionId: props.institutionId,
        name,
        floors: Number(floors),
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('elderly.inst.addBuilding')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            label={t('elderly.field.building')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(errors.errorFor('name'))}
            helperText={errors.errorFor('name') ?? ' '}
            autoFocus
          />
          <TextField
            type="number"
            label={t('elderly.field.floors')}
            value={floors}
            onChange={(e) => setFloors(e.target.value)}
            error={Boolean(errors.errorFor('floors'))}
            helperText={errors.errorFor('floors') ?? ' '}
            slotProps={{ htmlInput: { min: 1, max: 40 } }}
          />
        </Stack>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
