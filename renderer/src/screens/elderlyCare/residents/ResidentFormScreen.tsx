import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { abilityLevels, fundingCategories } from '@shared/domain/elderlyCare/enums';
import { getBed } from '../../../db/repositories/elderlyCare/institutions';
import { registerResident } from '../../../db/repositories/elderlyCare/residents';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { useFormShortcuts } from '../../../keyboard/useFormShortcuts';
import { fundingLabel, levelLabel, movementLabel } from '../labels';
import { DateField } from '../../common/DateField';
import { Section } from '../Section';
import { BedPicker } from './BedPicker';
import { PersonChooser } from './PersonChooser';
import {
  emptyResidentDraft,
  residentIssues,
  toResidentInput,
  type ResidentDraft,
} from './residentForm';

/**
 * 登记入住老人: the person, funding and emergency contact, the admission assessment
 * and the bed, saved in ONE transaction. Opened from a vacant bed, the bed is chosen
 * and saving returns to the board, which shows the bed taken.
 */
export function ResidentFormScreen(props: { bedId?: string | undefined }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const [draft, setDraft] = useState<ResidentDraft>(() => emptyResidentDraft(today, props.bedId));
  const [saving, setSaving] = useState(false);
  // What the form opened with: Esc asks before leaving anything typed since.
  const [pristine] = useState(draft);
  const update = (change: (d: ResidentDraft) => ResidentDraft) => setDraft(change);
  const err = errors.errorFor;
  const text = (path: string, label: string, value: string, onChange: (v: string) => void) => (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(err(path))}
      helperText={err(path) ?? ' '}
      fullWidth
    />
  );

  async function save() {
    errors.clear();
    const issues = residentIssues(draft, today);
    if (issues.length > 0) {
      errors.setError({ code: 'validation', message: 'Form check failed.', fieldErrors: issues });
      return;
    }
    setSaving(true);
    try {
      const resident = await registerResident(db, writeContext(), toResidentInput(draft));
      // From the board, back to the board of the bed's institution, now showing it taken.
      const bed =
        props.bedId && draft.placement.bedId ? await getBed(db, draft.placement.bedId) : null;
      navigate(
        bed
          ? { name: 'beds', institutionId: bed.institutionId }
          : { name: 'elderlyResident', id: resident.id },
      );
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const back = () => navigate(props.bedId ? { name: 'beds' } : { name: 'elderlyResidents' });
  const keys = useFormShortcuts({
    save: () => void save(),
    back,
    dirty: JSON.stringify(draft) !== JSON.stringify(pristine),
    saving,
  });

  const { contact, assessment, placement } = draft;
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader title={t('elderly.resident.new')} onBack={back} />
      <Section title={t('elderly.resident.person')}>
        <PersonChooser draft={draft} today={today} errorFor={err} onChange={update} />
      </Section>
      <Section title={t('elderly.resident.funding')}>
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField
              select
              label={t('elderly.field.funding')}
              value={draft.fundingCategory}
              onChange={(e) =>
                update((d) => ({
                  ...d,
                  fundingCategory: e.target.value as typeof d.fundingCategory,
                }))
              }
              helperText=" "
              fullWidth
            >
              {fundingCategories.map((f) => (
                <MenuItem key={f} value={f}>
                  {fundingLabel(t, f)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            {text('emergencyContact.name', t('elderly.field.contactName'), contact.name, (name) =>
              update((d) => ({ ...d, contact: { ...d.contact, name } })),
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 2 }}>
            {text(
              'emergencyContact.relation',
              t('elderly.field.contactRelation'),
              contact.relation,
              (relation) => update((d) => ({ ...d, contact: { ...d.contact, relation } })),
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            {text(
              'emergencyContact.phone',
              t('elderly.field.contactPhone'),
              contact.phone,
              (phone) => update((d) => ({ ...d, contact: { ...d.contact, phone } })),
            )}
          </Grid>
        </Grid>
      </Section>
      <Section title={t('elderly.resident.assessment')}>
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 3 }}>
            {text(
              'assessment.assessor',
              t('elderly.field.assessor'),
              assessment.assessor,
              (assessor) => update((d) => ({ ...d, assessment: { ...d.assessment, assessor } })),
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField
              select
              label={t('elderly.field.level')}
              value={assessment.level}
              onChange={(e) =>
                update((d) => ({
                  ...d,
                  assessment: { ...d.assessment, level: e.target.value as typeof assessment.level },
                }))
              }
              error={Boolean(err('assessment.level'))}
              helperText={err('assessment.level') ?? ' '}
              fullWidth
            >
              {abilityLevels.map((l) => (
                <MenuItem key={l} value={l}>
                  {levelLabel(t, l)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <DateField
              label={t('elderly.field.date')}
              value={assessment.date}
              error={err('assessment.date')}
              path="assessment.date"
              fullWidth
              onChange={(date) => update((d) => ({ ...d, assessment: { ...d.assessment, date } }))}
            />
          </Grid>
        </Grid>
      </Section>
      <Section title={t('elderly.resident.placement')}>
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <BedPicker
              value={placement.bedId}
              noneLabel={t('elderly.resident.placementNone')}
              error={err('placement.bedId')}
              onChange={(bedId) => update((d) => ({ ...d, placement: { ...d.placement, bedId } }))}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              select
              label={t('elderly.field.action')}
              value={placement.type}
              disabled={!placement.bedId}
              onChange={(e) =>
                update((d) => ({
                  ...d,
                  placement: { ...d.placement, type: e.target.value as 'admit' | 'reserve' },
                }))
              }
              helperText=" "
              fullWidth
            >
              <MenuItem value="admit">{movementLabel(t, 'admit')}</MenuItem>
              <MenuItem value="reserve">{movementLabel(t, 'reserve')}</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <DateField
              label={t('elderly.field.date')}
              value={placement.date}
              error={err('placement.date')}
              path="placement.date"
              fullWidth
              disabled={!placement.bedId}
              onChange={(date) => update((d) => ({ ...d, placement: { ...d.placement, date } }))}
            />
          </Grid>
        </Grid>
      </Section>
      {draft.mode === 'new' && <Alert severity="info">{t('elderly.resident.newPersonHint')}</Alert>}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Stack direction="row">
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {t('elderly.resident.save')}
        </Button>
      </Stack>
      {keys}
    </Stack>
  );
}
