import { useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import { programmes, type Programme } from '@shared/domain/assistanceCase';
import { programmeModule } from '@shared/programmes/registry';
import type { CaseApplicationInput } from '../../db/repositories/cases';
import { getHouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { DateField } from '../common/DateField';
import { ErrorSummary } from '../common/ErrorSummary';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { useFormDraft } from '../common/useFormDraft';
import { BenefitPanel } from './BenefitPanel';
import { localIssues, moneyOf, toApplication, withHousehold, type CaseDraft } from './caseForm';
import { HouseholdPicker } from './HouseholdPicker';
import { IncomeAssetsFields } from './IncomeAssetsFields';
import { MembersSection } from './MembersSection';
import { programmeForms } from './programmeForms';

export interface CaseFormProps<D extends CaseDraft> {
  title: string;
  /** Where the draft is kept (per user): e.g. one per household, or one per edited case. */
  draftKey: string;
  /** Fresh values (an empty application, or the stored case); also what reset returns to. */
  initial: () => D;
  /** A stored draft as current values, or null to ignore it. Must be stable (useCallback). */
  adopt: (stored: unknown) => D | null;
  /** Editing an application: its household cannot be swapped for another. */
  householdFixed?: boolean;
  /** A new application: the programme may be chosen (a correction keeps the case's own). */
  programmeChoice?: boolean;
  resetLabel: string;
  /** What resetting loses, asked before it happens. */
  resetConfirmText: string;
  saveLabel: string;
  /** A caution shown above the form for these values, e.g. the case changed since. */
  warning?: (draft: D) => string | null;
  onBack: (householdId: string) => void;
  /** More fields under the application's own, e.g. a correction's reason. */
  extra?: (
    draft: D,
    change: (patch: Partial<D>) => void,
    errorFor: (path: string) => string | undefined,
  ) => ReactNode;
  /** Saves and returns the id of the case to open; a thrown AppError is shown. */
  onSave: (input: CaseApplicationInput, draft: D) => Promise<string>;
}

/**
 * The application form of every programme, for a new application and for correcting one
 * before 公示: household, applicant, covered members, then the sections the programme's
 * module lists (income and assets; its own fields from programmeForms.ts), with the
 * amount computed live by the programme's calculator. Autosaved as a draft; the draft is
 * removed once saved.
 */
export function CaseForm<D extends CaseDraft>(props: CaseFormProps<D>) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const today = todayDate();

  const form = useFormDraft<D>(props.draftKey, props.initial, props.adopt);
  const { update } = form;
  const draft = form.value;
  const chosenId = draft.householdId;
  const data = useLiveQuery(
    async () => (chosenId ? ((await getHouseholdWithMembers(db, chosenId)) ?? null) : null),
    [db, chosenId],
  );

  // A household preset by the route gets the usual defaults once (head applies, all covered).
  const needsDefaults = form.loaded && chosenId !== '' && draft.applicantPersonId === '';
  useEffect(() => {
    if (!needsDefaults) return;
    void getHouseholdWithMembers(db, chosenId).then((d) => d && update((v) => withHousehold(v, d)));
  }, [db, chosenId, needsDefaults, update]);

  const change = (patch: Partial<CaseDraft>) => update((d) => ({ ...d, ...patch }));
  const changeExtra = (patch: Partial<D>) => update((d) => ({ ...d, ...patch }));
  const pick = async (id: string) => {
    errors.clear();
    const d = await getHouseholdWithMembers(db, id);
    if (d) update((v) => withHousehold(v, d));
  };
  const clearHousehold = () =>
    change({ householdId: '', applicantPersonId: '', coveredPersonIds: [] });
  // Resetting wipes what was typed: it asks first (the dialog below).
  const [confirmingReset, setConfirmingReset] = useState(false);
  const reset = () => {
    setConfirmingReset(false);
    errors.clear();
    void form.reset(props.initial());
  };

  async function save() {
    errors.clear();
    const issues = localIssues(draft);
    if (issues.length > 0 || !data) {
      errors.setError({ code: 'validation', message: 'Form check failed.', fieldErrors: issues });
      return;
    }
    setSaving(true);
    try {
      const caseId = await props.onSave(toApplication(draft, data), draft);
      await form.discard();
      navigate({ name: 'case', id: caseId });
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S is the save button; Esc goes back (the draft is autosaved: nothing to ask).
  const keys = useFormShortcuts({
    save: () => void save(),
    back: () => props.onBack(chosenId),
    saving,
  });

  if (!form.loaded) return null;
  const module = programmeModule(draft.programme);
  const own = programmeForms[draft.programme];
  const sections = new Set(module.formSections);
  const live =
    data && moneyOf(draft) && own.localIssues(draft.facts).length === 0
      ? toApplication(draft, data)
      : null;
  // Another programme is another form: its own facts start empty.
  const chooseProgramme = (programme: Programme) => {
    errors.clear();
    update((d) => ({ ...d, programme, facts: programmeForms[programme].emptyFacts() }));
  };
  const changeFacts = (patch: Record<string, unknown>) =>
    update((d) => ({ ...d, facts: { ...d.facts, ...patch } }));
  const existingCase = errors.error?.code === 'duplicate' ? errors.error.details?.existingId : null;
  // A colleague saved the case since these values were read: only starting over helps.
  const conflict = errors.error?.code === 'conflict';
  const warning = props.warning?.(draft) ?? null;

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={props.title}
        onBack={() => props.onBack(chosenId)}
        actions={
          <Button color="inherit" onClick={() => setConfirmingReset(true)}>
            {props.resetLabel}
          </Button>
        }
      />
      {form.restored && (
        <Alert severity="info" variant="outlined">
          {t('cases.form.draftRestored')}
        </Alert>
      )}
      {warning && <Alert severity="warning">{warning}</Alert>}
      <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={2}>
            {props.programmeChoice && (
              <Paper variant="outlined" sx={{ p: 2 }}>
                <TextField
                  select
                  label={t('programme.choose')}
                  value={draft.programme}
                  onChange={(e) => chooseProgramme(e.target.value as Programme)}
                  size="small"
                  sx={{ minWidth: 320 }}
                  slotProps={{ htmlInput: { 'data-testid': 'programme-choice' } }}
                >
                  {programmes.map((p) => (
                    <MenuItem key={p} value={p} data-testid={`programme-${p}`}>
                      {t(`programme.${p}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Paper>
            )}
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
                {t('cases.form.household')}
              </Typography>
              {/* A fixed household is shown once loaded, never offered for search. */}
              {(data || !props.householdFixed) && (
                <HouseholdPicker
                  chosen={data}
                  error={errors.errorFor('householdId')}
                  onPick={(id) => void pick(id)}
                  {...(props.householdFixed ? {} : { onClear: clearHousehold })}
                />
              )}
              {data && (
                <Stack sx={{ mt: 2 }}>
                  <MembersSection
                    data={data}
                    draft={draft}
                    errorFor={errors.errorFor}
                    onChange={change}
                  />
                </Stack>
              )}
            </Paper>
            {own.Fields && (
              <Paper variant="outlined" sx={{ p: 2 }} data-testid="programme-fields">
                <own.Fields
                  facts={draft.facts}
                  onChange={changeFacts}
                  errorFor={errors.errorFor}
                  household={data ?? null}
                  applicantPersonId={draft.applicantPersonId}
                  coveredPersonIds={draft.coveredPersonIds}
                  today={today}
                />
              </Paper>
            )}
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Stack spacing={1.5}>
                {(sections.has('income') || sections.has('assets')) && (
                  <IncomeAssetsFields draft={draft} errorFor={errors.errorFor} onChange={change} />
                )}
                <DateField
                  label={t('cases.form.applicationDate')}
                  value={draft.applicationDate}
                  onChange={(applicationDate) => change({ applicationDate })}
                  path="applicationDate"
                  errors={errors}
                  max={today}
                  deadline
                  size="small"
                  sx={{ maxWidth: 240 }}
                />
              </Stack>
            </Paper>
            {props.extra && (
              <Paper variant="outlined" sx={{ p: 2 }}>
                {props.extra(draft, changeExtra, errors.errorFor)}
              </Paper>
            )}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }} sx={{ position: { md: 'sticky' }, top: { md: 16 } }}>
          <BenefitPanel
            input={live}
            {...(!data
              ? { pending: t('cases.form.pickHousehold') }
              : moneyOf(draft) && own.localIssues(draft.facts).length > 0
                ? { pending: t('programme.factsIncomplete') }
                : {})}
          />
        </Grid>
      </Grid>
      <ErrorSummary
        error={errors.error}
        summary={conflict ? t('cases.form.conflict', { reset: props.resetLabel }) : errors.summary}
      />
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? t('cases.form.saving') : props.saveLabel}
        </Button>
        {conflict && <Button onClick={() => setConfirmingReset(true)}>{props.resetLabel}</Button>}
        {typeof existingCase === 'string' && (
          <Button onClick={() => navigate({ name: 'case', id: existingCase })}>
            {t('cases.form.openExisting')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        open={confirmingReset}
        title={t('common.confirmAction', { action: props.resetLabel })}
        text={props.resetConfirmText}
        confirmLabel={props.resetLabel}
        cancelLabel={t('registry.form.resetCancel')}
        onCancel={() => setConfirmingReset(false)}
        onConfirm={reset}
        confirmTestId="confirm-reset"
      />
      {keys}
    </Stack>
  );
}
