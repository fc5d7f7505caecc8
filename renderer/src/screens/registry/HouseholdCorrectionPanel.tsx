import { useRef, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FieldError } from '@shared/errors/appError';
import { AppError, toAppErrorData } from '@shared/errors/appError';
import { correctHousehold } from '../../db/repositories/householdCorrection';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import { findPersonByIdNumber } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { FormTextField } from '../common/FormTextField';
import { ErrorSummary } from '../common/ErrorSummary';
import { hukouLabel, todayDate } from '../common/labels';
import { checkMemberId, type MemberDraft } from './householdForm';
import {
  correctionIssues,
  draftFromHousehold,
  existingRow,
  makeHead,
  newRow,
  rowPaths,
  toHouseholdCorrection,
  type HouseholdCorrectionDraft,
  type Row,
} from './householdCorrectionForm';
import { CorrectionMemberRow } from './CorrectionMemberRow';
import { MemberFields } from './MemberFields';
import { registryErrorPlace } from './registryFields';

/**
 * 更正 of a household, in place on its page: address, village and 户籍类型; members
 * leaving (they stay in the registry), joining (someone registered in no household, or
 * a new person), a new head (本人) with the old head's relation chosen here, relations
 * corrected; a required reason. Saved as one update in one transaction.
 */
export function HouseholdCorrectionPanel(props: {
  data: HouseholdWithMembers;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [pristine] = useState<HouseholdCorrectionDraft>(() => draftFromHousehold(props.data));
  const [draft, setDraft] = useState<HouseholdCorrectionDraft>(pristine);
  const [baseVersion] = useState(props.data.household.version);
  const [saving, setSaving] = useState(false);
  const [lookup, setLookup] = useState('');
  const [lookupMessage, setLookupMessage] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const today = todayDate();
  const householdId = props.data.household.id;

  const set = (patch: Partial<HouseholdCorrectionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeRow = (key: string, change: (r: Row) => Row) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? change(r) : r)) }));
  const removeRow = (key: string) => {
    errors.clear();
    setDraft((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== key) }));
  };

  function addNew() {
    const row = newRow();
    focusNext.current = row.key;
    setDraft((d) => ({ ...d, rows: [...d.rows, row] }));
  }

  async function addExisting() {
    setLookupMessage(null);
    const found = await findPersonByIdNumber(db, lookup);
    if (!found) return setLookupMessage(t('registry.fix.notRegistered'));
    const listed = draft.rows.find((r) => r.kind === 'existing' && r.personId === found.id);
    if (listed) {
      if (listed.kind === 'existing' && listed.leaving) {
        changeRow(listed.key, (r) => ({ ...r, leaving: false }));
        return setLookup('');
      }
      return setLookupMessage(t('registry.fix.alreadyMember'));
    }
    if (found.householdId && found.householdId !== householdId) {
      return setLookupMessage(t('registry.fix.inOtherHousehold', { name: found.name }));
    }
    setDraft((d) => ({ ...d, rows: [...d.rows, existingRow(found, '', false)] }));
    setLookup('');
  }

  /** New members' ID numbers already in the registry, as on the registration form. */
  async function duplicateIssues(): Promise<FieldError[]> {
    const found = await Promise.all(
      draft.rows.map((r) => {
        const id = r.kind === 'new' ? checkMemberId(r.member, today).normalized : null;
        return id ? findPersonByIdNumber(db, id) : Promise.resolve(undefined);
      }),
    );
    return found.flatMap((p, i) =>
      p
        ? [{ path: `members.${i}.idNumber`, code: 'person.duplicate_id', params: { name: p.name } }]
        : [],
    );
  }

  async function save() {
    errors.clear();
    setSaving(true);
    const { input, rowOfMember } = toHouseholdCorrection(draft);
    try {
      const issues = [...correctionIssues(draft, today), ...(await duplicateIssues())];
      if (issues.length > 0) {
        errors.setError({ code: 'validation', message: 'Form check failed.', fieldErrors: issues });
        return;
      }
      await correctHousehold(db, writeContext(), householdId, baseVersion, input, draft.reason);
      props.onClose();
    } catch (thrown) {
      const data = toAppErrorData(thrown);
      errors.setError(
        thrown instanceof AppError
          ? { ...data, fieldErrors: rowPaths(data.fieldErrors ?? [], rowOfMember) }
          : data,
      );
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
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="household-correction">
      {keys}
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('registry.fix.householdTitle')}
        </Typography>
        <Grid container columnSpacing={2} rowSpacing={1.5}>
          <Grid size={{ xs: 12, md: 2 }}>
            <FormTextField
              size="small"
              fullWidth
              path="hukouType"
              errors={errors}
              select
              label={t('registry.form.hukouType')}
              value={draft.hukouType}
              onChange={(e) =>
                set({ hukouType: e.target.value as HouseholdCorrectionDraft['hukouType'] })
              }
            >
              <MenuItem value="rural">{hukouLabel(t, 'rural')}</MenuItem>
              <MenuItem value="urban">{hukouLabel(t, 'urban')}</MenuItem>
            </FormTextField>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <FormTextField
              size="small"
              fullWidth
              path="villageName"
              errors={errors}
              label={t('registry.form.village')}
              value={draft.villageName}
              onChange={(e) => set({ villageName: e.target.value })}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormTextField
              size="small"
              fullWidth
              path="address"
              errors={errors}
              label={t('registry.form.address')}
              value={draft.address}
              onChange={(e) => set({ address: e.target.value })}
            />
          </Grid>
        </Grid>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('registry.fix.members')}
        </Typography>
        <Stack spacing={1} data-testid="correction-members">
          {draft.rows.map((row, index) =>
            row.kind === 'existing' ? (
              <CorrectionMemberRow
                key={row.key}
                index={index}
                row={row}
                wasHead={row.personId === props.data.household.headPersonId}
                error={
                  errors.errorFor(`members.${index}.relation`) ??
                  errors.errorFor(`members.${index}.person`)
                }
                onRelation={(relation) => changeRow(row.key, (r) => ({ ...r, relation }))}
                onMakeHead={() => setDraft((d) => makeHead(d, row.key))}
                onLeave={(leaving) =>
                  row.wasMember
                    ? changeRow(row.key, (r) => ({ ...r, leaving }))
                    : removeRow(row.key)
                }
              />
            ) : (
              <MemberFields
                key={row.key}
                index={index}
                title={t('registry.fix.newMemberN', { n: index + 1 })}
                member={row.member}
                today={today}
                householdHukou={draft.hukouType}
                errorFor={errors.errorFor}
                onChange={(change: (m: MemberDraft) => MemberDraft) =>
                  changeRow(row.key, (r) =>
                    r.kind === 'new' ? { ...r, member: change(r.member) } : r,
                  )
                }
                onRemove={() => removeRow(row.key)}
                nameRef={(input) => {
                  if (input && focusNext.current === row.key) {
                    focusNext.current = null;
                    input.focus();
                  }
                }}
              />
            ),
          )}
        </Stack>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ alignItems: 'flex-start' }}
        >
          <TextField
            size="small"
            sx={{ minWidth: 280 }}
            label={t('registry.fix.addExistingLabel')}
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
            error={Boolean(lookupMessage)}
            helperText={lookupMessage ?? ' '}
            slotProps={{ htmlInput: { maxLength: 22, spellCheck: false } }}
          />
          <Button variant="outlined" onClick={() => void addExisting()} disabled={!lookup.trim()}>
            {t('registry.fix.addExistingButton')}
          </Button>
          <Button variant="outlined" startIcon={<AddIcon />} onClick={addNew}>
            {t('registry.fix.addNew')}
          </Button>
        </Stack>
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
        {errors.errorFor('members') && <Alert severity="error">{errors.errorFor('members')}</Alert>}
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
