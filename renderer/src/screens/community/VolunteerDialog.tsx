import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { NamedRef } from '@shared/domain/community/serviceRecord';
import {
  correctVolunteer,
  registerVolunteer,
  type Volunteer,
  type VolunteerFields,
} from '../../db/repositories/community/volunteers';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { todayDate } from '../common/labels';
import { ChipsField } from './ChipsField';
import { ReasonField } from './ReasonField';
import { RefPicker } from './RefPicker';
import { usePersonSearch } from './searchers';

/**
 * Registers a registered person as a volunteer, or corrects a volunteer's facts (with
 * the reason every correction needs). The person is fixed once registered.
 */
export function VolunteerDialog(props: {
  volunteer?: Volunteer;
  onClose: (saved: Volunteer | null) => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const personSearch = usePersonSearch();
  const errors = useFieldErrors();
  const existing = props.volunteer;
  const [person, setPerson] = useState<NamedRef[]>([]);
  const [fields, setFields] = useState<VolunteerFields>(() => ({
    volunteerNumber: existing?.volunteerNumber ?? '',
    skills: existing?.skills ?? [],
    joinedOn: existing?.joinedOn ?? todayDate(),
    notes: existing?.notes ?? '',
  }));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<VolunteerFields>) => setFields((f) => ({ ...f, ...patch }));

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const ctx = writeContext();
      const saved = existing
        ? await correctVolunteer(db, ctx, existing.id, existing.version, fields, reason)
        : await registerVolunteer(db, ctx, person[0]?.id ?? '', fields);
      props.onClose(saved);
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const text = (field: 'volunteerNumber' | 'joinedOn' | 'notes', type = 'text') => (
    <FormTextField
      path={field}
      errors={errors}
      type={type}
      label={t(field === 'notes' ? 'community.field.notes' : `community.field.${field}`)}
      value={fields[field]}
      onChange={(e) => change({ [field]: e.target.value })}
      fullWidth
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Dialog open onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <DialogTitle>
        {existing
          ? `${t('community.volunteer.correctTitle')} · ${existing.name}`
          : t('community.volunteer.registerTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="volunteer-dialog">
          {!existing && (
            <RefPicker
              label={t('community.volunteer.person')}
              value={person}
              onChange={(value) => setPerson(value.slice(-1))}
              search={personSearch}
              error={errors.errorFor('personId')}
              path="personId"
              helperText={t('community.hint.served')}
              testId="volunteer-person"
            />
          )}
          {text('volunteerNumber')}
          <ChipsField
            label={t('community.field.skills')}
            value={fields.skills}
            onChange={(skills) => change({ skills })}
            helperText={t('community.hint.skills')}
            error={errors.errorFor('skills')}
            path="skills"
          />
          {text('joinedOn', 'date')}
          {text('notes')}
          {existing && (
            <ReasonField
              value={reason}
              onChange={setReason}
              error={errors.errorFor('reason')}
              errors={errors}
            />
          )}
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions
        onCancel={() => props.onClose(null)}
        onSave={() => void save()}
        saving={saving}
        saveLabel={existing ? t('community.saveCorrection') : t('common.save')}
      />
    </Dialog>
  );
}
