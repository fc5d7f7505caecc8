import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { parseBedCount } from '@shared/domain/elderlyCare/roomBeds';
import { addRoom } from '../../../db/repositories/elderlyCare/institutions';
import type { Building } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { BedBatchFields, type BedBatchForm } from './BedBatchFields';

/**
 * Adds a room and its beds (numbered 1..n, one type and sex rule) in one save; the
 * beds count in figures from their start-of-service date. The count is sent as typed:
 * out of range it is refused next to the field, and nothing is saved.
 */
export function RoomDialog(props: { building: Building; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const { building } = props;
  const [floor, setFloor] = useState(1);
  const [number, setNumber] = useState('');
  const [batch, setBatch] = useState<BedBatchForm>({
    count: '2',
    bedType: 'nursing',
    sexRule: 'any',
    inServiceFrom: todayDate(),
  });

  async function save() {
    errors.clear();
    try {
      await addRoom(db, writeContext(), {
        institutionId: building.institutionId,
        buildingId: building.id,
        floor,
        number,
        inServiceFrom: batch.inServiceFrom,
        bedCount: parseBedCount(batch.count),
        bedType: batch.bedType,
        sexRule: batch.sexRule,
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {t('elderly.inst.addRoom')} · {building.name}
      </DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }}>
          <Grid size={3}>
            <TextField
              select
              label={t('elderly.field.floor')}
              value={floor}
              onChange={(e) => setFloor(Number(e.target.value))}
              error={Boolean(errors.errorFor('floor'))}
              helperText={errors.errorFor('floor') ?? ' '}
              fullWidth
            >
              {Array.from({ length: building.floors }, (_, i) => i + 1).map((f) => (
                <MenuItem key={f} value={f}>
                  {t('elderly.floorN', { n: f })}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={3}>
            <TextField
              label={t('elderly.field.room')}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              autoFocus
              error={Boolean(errors.errorFor('number'))}
              helperText={errors.errorFor('number') ?? ' '}
              fullWidth
            />
          </Grid>
          <Grid size={6} />
          <BedBatchFields
            form={batch}
            onChange={(patch) => setBatch((b) => ({ ...b, ...patch }))}
            errorFor={errors.errorFor}
          />
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
