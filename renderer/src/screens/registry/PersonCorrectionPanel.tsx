import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { idTypes } from '@shared/domain/person';
import type { FieldError } from '@shared/errors/appError';
import { correctPerson } from '../../db/repositories/personCorrection';
import { findPersonByIdNumber, type Person } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { FormTextField } from '../common/FormTextField';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { checkMemberId, type MemberDraft } from './householdForm';
import { MemberFields } from './MemberFields';
import {
  draftFromPerson,
  personIssues,
  toCorrection,
  type PersonDraft,
} from './personCorrectionForm';
import { registryErrorPlace } from './registryFields';

/**
 * 更正 of one person, in place on the person page: every field, ID number included
 * (checked against the whole registry as for a new person), and a required reason.
 * Saved as one update; the copies of the name, sex and birth date follow.
 */
export function PersonCorrectionPanel(props: { person: Person; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [pristine] = useState<PersonDraft>(() => draftFromPerson(props.person));
  const [draft, setDraft] = useState<PersonDraft>(pristine);
  // The version the form was filled from: a colleague's change since is a conflict, not
  // something this save may silently undo.
  const [baseVersion] = useState(props.person.version);
  const [saving, setSaving] = useState(false);
  const today = todayDate();
  const nameInput = useRef<HTMLInputElement | null>(null);
  useEffect(() => nameInput.current?.focus(), []);

  const set = (patch: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeMember = (change: (m: MemberDraft) => MemberDraft) =>
    setDraft((d) => ({ ...d, member: change(d.member) }));

  /** The same duplicate check as a new person's: anyone else holding the number. */
  async function duplicateIssues(): Promise<FieldError[]> {
    const id =
      draft.idType === 'resident'
        ? checkMemberId(draft.member, today).normalized
        : draft.member.idNumber.trim();
    const other = id ? await findPersonByIdNumber(db, id) : undefined;
    return other && other.id !== props.person.id
      ? [{ path: 'idNumber', code: 'person.duplicate_id', params: { name: other.name } }]
      : [];
  }

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const issues = [...personIssues(draft, today), ...(await duplicateIssues())];
      if (issues.length > 0) {
        errors.setError({ code: 'validation', message: 'Form check failed.', fieldErrors: issues });
        return;
      }
      const fields = toCorrection(draft);
      await correctPerson(db, writeContext(), props.person.id, baseVersion, fields, draft.reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S saves the correction, Esc closes the panel (asking first when something was typed).
  const keys = useFormShortcuts({
    save: () => void save(),
    back: props.onClose,
    dirty: JSON.stringify(draft) !== JSON.stringify(pristine),
    saving,
  });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="person-correction">
      {keys}
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('registry.fix.personTitle')}
        </Typography>
        <Alert severity="info" variant="outlined">
          {t('registry.fix.copiesNote')}
        </Alert>
        <Grid container columnSpacing={2} rowSpacing={1.5}>
          <Grid size={{ xs: 12, md: 3 }}>
            <FormTextField
              size="small"
              fullWidth
              path="idType"
              errors={errors}
              select
              label={t('registry.fix.idType')}
              value={draft.idType}
              onChange={(e) => set({ idType: e.target.value as PersonDraft['idType'] })}
            >
              {idTypes.map((type) => (
                <MenuItem key={type} value={type}>
                  {t(`registry.idType.${type}` as const)}
                </MenuItem>
              ))}
            </FormTextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <FormTextField
              size="small"
              fullWidth
              path="phone"
              errors={errors}
              label={t('registry.fix.phone')}
              value={draft.phone}
              onChange={(e) => set({ phone: e.target.value })}
              slotProps={{ htmlInput: { inputMode: 'tel' } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormTextField
              size="small"
              fullWidth
              path="illnessNote"
              errors={errors}
              label={t('registry.fix.illnessNote')}
              value={draft.illnessNote}
              onChange={(e) => set({ illnessNote: e.target.value })}
            />
          </Grid>
        </Grid>
        <MemberFields
          index={0}
          title={t('registry.person.facts')}
          hideRelation
          plainId={draft.idType !== 'resident'}
          personId={props.person.id}
          member={draft.member}
          today={today}
          householdHukou={props.person.hukouType}
          errorFor={(path) => errors.errorFor(path.replace(/^members\.0\./, ''))}
          onChange={changeMember}
          nameRef={(input) => {
            nameInput.current = input;
          }}
        />
        <FormTextField
          size="small"
          fullWidth
          path="reason"
          errors={errors}
          required
          label={t('registry.fix.reason')}
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          help={t('registry.fix.reasonHint')}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'correction-reason' } }}
        />
        <ErrorSummary
          error={errors.error}
          summary={errors.summary}
          where={(path) => registryErrorPlace(t, path)}
        />
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {saving ? t('registry.fix.saving') : t('registry.fix.save')}
          </Button>
          <Button onClick={props.onClose} disabled={saving}>
            {t('registry.fix.cancel')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
