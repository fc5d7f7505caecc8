import { useState } from 'react';
import {
  Alert,
  Checkbox,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
} from '@mui/material';
import { DayField } from '../../dates/DayField';
import { unfinishedDay } from '../../dates/dayValue';
import { useI18n } from '../../i18n/i18n';
import { setDelegation, type OfficeDelegation } from '../../referenceApi';
import { useFormSend } from './useFormSend';
import { PublishActions } from './PublishActions';

/** Grants or takes back 委托确认 for one office from a date. */
export function DelegationDialog(props: {
  office: OfficeDelegation;
  today: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [delegated, setDelegated] = useState(!props.office.delegated);
  const [from, setFrom] = useState(props.today);
  const [note, setNote] = useState('');
  const { fields, setFields, banner, busy, send } = useFormSend();
  const title = t('del.title', { office: props.office.name });
  const submit = () => {
    if (!from || from === unfinishedDay) {
      setFields({ effectiveFrom: t(from ? 'date.unfinished' : 'ref.date_required') });
      return;
    }
    void send(async () => {
      await setDelegation({
        office: props.office.id,
        confirmationDelegated: delegated,
        effectiveFrom: from,
        note: note.trim(),
      });
      props.onDone();
    });
  };
  return (
    <Dialog open onClose={props.onClose} aria-label={title}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 400 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          {fields.office && <Alert severity="error">{fields.office}</Alert>}
          <FormControlLabel
            control={
              <Checkbox checked={delegated} onChange={(e) => setDelegated(e.target.checked)} />
            }
            label={t('del.grant')}
          />
          <DayField
            label={t('del.from')}
            value={from}
            onChange={setFrom}
            error={fields.effectiveFrom}
            required
          />
          <TextField
            label={t('ref.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={Boolean(fields.note)}
            helperText={fields.note ?? ' '}
          />
        </Stack>
      </DialogContent>
      <PublishActions busy={busy} onClose={props.onClose} onPublish={submit} />
    </Dialog>
  );
}
