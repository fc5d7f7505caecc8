import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { floorRange } from '@shared/domain/elderlyCare/institution';
import { addBuilding, updateBuilding } from '../../../db/repositories/elderlyCare/institutions';
import type { Building } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { typedCount } from '../../common/typedCount';
import { ReasonField } from '../ReasonField';

/**
 * Adds a building (name and number of floors) to an institution, or corrects one
 * (`existing`) with a reason its version history keeps.
 */
export function BuildingDialog(props: {
  institutionId: string;
  existing?: Building;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const e = props.existing;
  const [name, setName] = useState(e?.name ?? '');
  const [floors, setFloors] = useState(String(e?.floors ?? 3));
  const [reason, setReason] = useState('');

  async function save() {
    errors.clear();
    try {
      const fields = { name, floors: typedCount(floors, floorRange, 'floors') };
      if (e) await updateBuilding(db, writeContext(), e, fields, reason);
      else await addBuilding(db, writeContext(), { institutionId: props.institutionId, ...fields });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{e ? t('elderly.fix.editBuilding') : t('elderly.inst.addBuilding')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            label={t('elderly.field.building')}
            value={name}
            onChange={(ev) => setName(ev.target.value)}
            error={Boolean(errors.errorFor('name'))}
            helperText={errors.errorFor('name') ?? ' '}
            autoFocus
          />
          <TextField
            type="number"
            label={t('elderly.field.floors')}
            value={floors}
            onChange={(ev) => setFloors(ev.target.value)}
            error={Boolean(errors.errorFor('floors'))}
            helperText={errors.errorFor('floors') ?? ' '}
            slotProps={{ htmlInput: { min: floorRange.min, max: floorRange.max } }}
          />
          {e && (
            <ReasonField value={reason} onChange={setReason} error={errors.errorFor('reason')} />
          )}
        </Stack>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
