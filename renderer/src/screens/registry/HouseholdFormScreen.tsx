import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import type { FieldError } from '@shared/errors/appError';
import { registerHousehold } from '../../db/repositories/households';
import { findPersonByIdNumber } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { MemoTextField } from '../../ui/MemoTextField';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useStableHandlers } from '../../ui/useStableHandlers';
import { hukouLabel, todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { useFormDraft } from '../common/useFormDraft';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorSummary } from '../common/ErrorSummary';
import { registryErrorPlace } from './registryFields';
import {
  adoptHouseholdDraft,
  checkMemberId,
  emptyHousehold,
  emptyMember,
  localIssues,
  toRegistration,
  type HouseholdDraft,
  type MemberDraft,
} from './householdForm';
import { MemberFields } from './MemberFields';

const draftKey = 'householdForm';

type FieldEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;
type HouseholdField = 'areaCode' | 'hukouType' | 'villageName' | 'address';

/** The household facts, each read from its field's change event. */
const householdFromEvent: Record<HouseholdField, (e: FieldEvent) => Partial<HouseholdDraft>> = {
  areaCode: (e) => ({ areaCode: e.target.value.trim() }),
  hukouType: (e) => ({ hukouType: e.target.value as HouseholdDraft['hukouType'] }),
  villageName: (e) => ({ villageName: e.target.value }),
  address: (e) => ({ address: e.target.value }),
};

const areaCodeSlots = { htmlInput: { inputMode: 'numeric', maxLength: 6 } } as const;

/** 登记新家庭: household facts and member rows, autosaved as a draft until saved. */
export function HouseholdFormScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const areaCode = useSession((s) => s.settings?.areaCode ?? '');
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  // The row whose name field takes the focus once rendered (a member just added).
  const focusNext = useRef<string | null>(null);
  const today = todayDate();

  const initial = useCallback(() => emptyHousehold(areaCode), [areaCode]);
  const adopt = useCallback((s: unknown) => adoptHouseholdDraft(s, areaCode), [areaCode]);
  const form = useFormDraft<HouseholdDraft>(draftKey, initial, adopt);
  const draft = form.value;

  // Stable handlers and memoized fields and rows (MemoTextField, MemberFields): a key
  // typed renders the field typed in, not the whole form (issue #17).
  const update = form.update;
  const setField = useStableHandlers((field: HouseholdField, event: FieldEvent) => {
    const patch = householdFromEvent[field](event);
    update((d) => ({ ...d, ...patch }));
  });
  const changeMember = useStableHandlers((key: string, change: (m: MemberDraft) => MemberDraft) =>
    update((d) => ({
      ...d,
      members: d.members.map((m) => (m.key === key ? change(m) : m)),
    })),
  );
  const hukouOptions = useMemo(
    () => [
      <MenuItem key="rural" value="rural">
        {hukouLabel(t, 'rural')}
      </MenuItem>,
      <MenuItem key="urban" value="urban">
        {hukouLabel(t, 'urban')}
      </MenuItem>,
    ],
    [t],
  );
  const addMember = () => {
    // Made outside the state updater, which React may run twice: one key to focus.
    const member = emptyMember(draft.members.length === 1 ? 'spouse' : 'child');
    focusNext.current = member.key;
    form.update((d) => ({ ...d, members: [...d.members, member] }));
  };
  const removeMember = useStableHandlers((key: string) => {
    // Row indexes shift, so errors reported for old positions would mark the wrong rows.
    errors.clear();
    update((d) => ({ ...d, members: d.members.filter((m) => m.key !== key) }));
  });
  const nameRef = useStableHandlers((key: string, input: HTMLInputElement | null) => {
    if (input && focusNext.current === key) {
      focusNext.current = null;
      input.focus();
    }
  });

  /** Already-registered ID numbers, checked again right before saving. */
  async function duplicateIssues(): Promise<FieldError[]> {
    const found = await Promise.all(
      draft.members.map((m) => {
        const id = checkMemberId(m, today).normalized;
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
    try {
      const issues = [...localIssues(draft, today), ...(await duplicateIssues())];
      if (issues.length > 0) {
        errors.setError({ code: 'validation', message: 'Form check failed.', fieldErrors: issues });
        return;
      }
      const saved = await registerHousehold(db, writeContext(), toRegistration(draft));
      await form.discard();
      navigate({ name: 'household', id: saved.household.id });
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const fieldProps = (path: string) => ({
    size: 'small' as const,
    fullWidth: true,
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
  });

  // Ctrl+S is the save button; Esc goes back (the draft is autosaved: nothing to ask).
  const keys = useFormShortcuts({
    save: () => void save(),
    back: () => navigate({ name: 'persons' }),
    saving,
  });

  if (!form.loaded) return null;

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('registry.form.title')}
        onBack={() => navigate({ name: 'persons' })}
        actions={
          <Button color="inherit" onClick={() => setConfirmingReset(true)}>
            {t('registry.form.reset')}
          </Button>
        }
      />
      <Alert severity="info" variant="outlined">
        {form.restored ? t('registry.form.draftRestored') : t('registry.form.draftHint')}
      </Alert>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t('registry.form.household')}
        </Typography>
        <Grid container columnSpacing={2} rowSpacing={1.5}>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 2 }}>
            <MemoTextField
              {...fieldProps('areaCode')}
              label={t('registry.form.areaCode')}
              value={draft.areaCode}
              onChange={setField('areaCode')}
              slotProps={areaCodeSlots}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3, lg: 2 }}>
            <MemoTextField
              {...fieldProps('hukouType')}
              select
              label={t('registry.form.hukouType')}
              value={draft.hukouType}
              onChange={setField('hukouType')}
            >
              {hukouOptions}
            </MemoTextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6, lg: 3 }}>
            <MemoTextField
              {...fieldProps('villageName')}
              label={t('registry.form.village')}
              value={draft.villageName}
              onChange={setField('villageName')}
            />
          </Grid>
          <Grid size={{ xs: 12, lg: 5 }}>
            <MemoTextField
              {...fieldProps('address')}
              label={t('registry.form.address')}
              value={draft.address}
              onChange={setField('address')}
            />
          </Grid>
        </Grid>
      </Paper>
      <Typography variant="h6" component="h2">
        {t('registry.form.members')}
      </Typography>
      {draft.members.map((m, i) => (
        <MemberFields
          key={m.key}
          index={i}
          member={m}
          today={today}
          householdHukou={draft.hukouType}
          errorFor={errors.errorFor}
          onChange={changeMember(m.key)}
          {...(i > 0 ? { onRemove: removeMember(m.key) } : {})}
          nameRef={nameRef(m.key)}
        />
      ))}
      <ErrorSummary
        error={errors.error}
        summary={errors.summary}
        where={(path) => registryErrorPlace(t, path)}
      />
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" startIcon={<AddIcon />} onClick={addMember}>
          {t('registry.form.addMember')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? t('registry.form.saving') : t('registry.form.save')}
        </Button>
      </Stack>
      <ConfirmDialog
        open={confirmingReset}
        title={t('registry.form.resetConfirmTitle')}
        text={t('registry.form.resetConfirmText')}
        confirmLabel={t('registry.form.resetConfirm')}
        cancelLabel={t('registry.form.resetCancel')}
        onCancel={() => setConfirmingReset(false)}
        onConfirm={() => {
          setConfirmingReset(false);
          errors.clear();
          void form.reset(emptyHousehold(areaCode));
        }}
      />
      {keys}
    </Stack>
  );
}
