import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { updateRoom } from '../../../db/repositories/elderlyCare/institutions';
import type { Building, Room } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { ReasonField } from '../ReasonField';

/** Corrects a room's floor or number, with a reason its version history keeps. */
export function RoomEditDialog(props: { room: Room; building: Building; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const { room, building } = props;
  const [floor, setFloor] = useState(room.floor);
  const [number, setNumber] = useState(room.number);
  const [reason, setReason] = useState('');

  async function save() {
    errors.clear();
    try {
      await updateRoom(db, writeContext(), room, { floor, number }, reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>
        {t('elderly.fix.editRoom')} · {building.name}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('elderly.field.floor')}
            value={floor}
            onChange={(e) => setFloor(Number(e.target.value))}
            error={Boolean(errors.errorFor('floor'))}
            helperText={errors.errorFor('floor') ?? ' '}
          >
            {Array.from({ length: building.floors }, (_, i) => i + 1).map((f) => (
              <MenuItem key={f} value={f}>
                {t('elderly.floorN', { n: f })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('elderly.field.room')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            error={Boolean(errors.errorFor('number'))}
            helperText={errors.errorFor('number') ?? ' '}
            autoFocus
          />
          <ReasonField value={reason} onChange={setReason} error={errors.errorFor('reason')} />
        </Stack>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
