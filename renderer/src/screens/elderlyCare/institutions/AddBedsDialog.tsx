import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import { maxBedsPerRoom, parseBedCount } from '@shared/domain/elderlyCare/roomBeds';
import { addBedsToRoom } from '../../../db/repositories/elderlyCare/beds';
import type { Room } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { BedBatchFields, type BedBatchForm } from './BedBatchFields';

/**
 * Adds beds to a room that exists — one whose beds were never saved, or one that
 * grows — numbered after the room's highest bed number.
 */
export function AddBedsDialog(props: { room: Room; inService: number; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [batch, setBatch] = useState<BedBatchForm>({
    count: '1',
    bedType: 'nursing',
    sexRule: 'any',
    inServiceFrom: todayDate(),
  });

  async function save() {
    errors.clear();
    try {
      await addBedsToRoom(db, writeContext(), props.room.id, {
        bedCount: parseBedCount(batch.count),
        bedType: batch.bedType,
        sexRule: batch.sexRule,
        inServiceFrom: batch.inServiceFrom,
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('elderly.fix.addBedsTo', { room: props.room.number })}</DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }}>
          <BedBatchFields
            form={batch}
            onChange={(patch) => setBatch((b) => ({ ...b, ...patch }))}
            errorFor={errors.errorFor}
            room={Math.max(0, maxBedsPerRoom - props.inService)}
          />
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
