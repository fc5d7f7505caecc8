import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { fundingCategories, type FundingCategory } from '@shared/domain/elderlyCare/enums';
import { updateResident } from '../../../db/repositories/elderlyCare/residents';
import type { Resident } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { fundingLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { ReasonField } from '../ReasonField';

/**
 * Corrects a resident's funding category, emergency contact or note, with a reason the
 * resident's version history keeps.
 */
export function ResidentEditDialog(props: { resident: Resident; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const r = props.resident;
  const [funding, setFunding] = useState<FundingCategory>(r.fundingCategory);
  const [contact, setContact] = useState(r.emergencyContact);
  const [note, setNote] = useState(r.note);
  const [reason, setReason] = useState('');

  async function save() {
    errors.clear();
    try {
      await updateResident(
        db,
        writeContext(),
        r,
        {
          fundingCategory: funding,
          emergencyContact: contact,
          note,
        },
        reason,
      );
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const contactField = (key: keyof typeof contact, label: string) => (
    <TextField
      label={label}
      value={contact[key]}
      onChange={(e) => setContact((c) => ({ ...c, [key]: e.target.value }))}
      error={Boolean(errors.errorFor(`emergencyContact.${key}`))}
      helperText={errors.errorFor(`emergencyContact.${key}`) ?? ' '}
    />
  );
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('elderly.resident.edit')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('elderly.field.funding')}
            value={funding}
            onChange={(e) => setFunding(e.target.value as FundingCategory)}
            helperText=" "
          >
            {fundingCategories.map((f) => (
              <MenuItem key={f} value={f}>
                {fundingLabel(t, f)}
              </MenuItem>
            ))}
          </TextField>
          {contactField('name', t('elderly.field.contactName'))}
          {contactField('relation', t('elderly.field.contactRelation'))}
          {contactField('phone', t('elderly.field.contactPhone'))}
          <TextField
            label={t('elderly.field.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            helperText=" "
          />
          <ReasonField value={reason} onChange={setReason} error={errors.errorFor('reason')} />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
