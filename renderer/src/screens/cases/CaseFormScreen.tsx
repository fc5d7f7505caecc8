import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { createDibaoCase } from '../../db/repositories/cases';
import { getHouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { useFormDraft } from '../common/useFormDraft';
import { BenefitPanel } from './BenefitPanel';
import {
  adoptCaseDraft,
  emptyCase,
  localIssues,
  moneyOf,
  toApplication,
  withHousehold,
  type CaseDraft,
} from './caseForm';
import { HouseholdPicker } from './HouseholdPicker';
import { IncomeAssetsFields } from './IncomeAssetsFields';
import { MembersSection } from './MembersSection';

/**
 * 低保 application: household (preset by the route or searched), applicant, covered
 * members, income, deductions and assets, with the benefit computed live. Autosaved
 * as a draft; saving creates the case in status 草稿 and opens it.
 */
export function CaseFormScreen({ householdId }: { householdId?: string | undefined }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const today = todayDate();

  const initial = useCallback(() => emptyCase(householdId ?? '', today), [householdId, today]);
  // A draft for another household than the one the registrar came from is not reused.
  const adopt = useCallback(
    (stored: unknown) => {
      const d = adoptCaseDraft(stored, today);
      return d && householdId && d.householdId !== householdId ? null : d;
    },
    [householdId, today],
  );
  // One draft per household, so starting another household's application keeps this one.
  const form = useFormDraft<CaseDraft>(`caseForm:${householdId ?? 'any'}`, initial, adopt);
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
  const pick = async (id: string) => {
    errors.clear();
    const d = await getHouseholdWithMembers(db, id);
    if (d) update((v) => withHousehold(v, d));
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
      const saved = await createDibaoCase(db, writeContext(), toApplication(draft, data));
      await form.discard();
      navigate({ name: 'case', id: saved.id });
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  if (!form.loaded) return null;
  const live = data && moneyOf(draft) ? toApplication(draft, data) : null;
  const existingCase = errors.error?.code === 'duplicate' ? errors.error.details?.existingId : null;

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('cases.form.title')}
        onBack={() => navigate(chosenId ? { name: 'household', id: chosenId } : { name: 'cases' })}
        actions={
          <Button
            color="inherit"
            onClick={() => {
              errors.clear();
              void form.reset(emptyCase(householdId ?? '', today));
            }}
          >
            {t('cases.form.reset')}
          </Button>
        }
      />
      {form.restored && (
        <Alert severity="info" variant="outlined">
          {t('cases.form.draftRestored')}
        </Alert>
      )}
      <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={2}>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
                {t('cases.form.household')}
              </Typography>
              <HouseholdPicker
                chosen={data}
                error={errors.errorFor('householdId')}
                onPick={(id) => void pick(id)}
                onClear={() =>
                  change({ householdId: '', applicantPersonId: '', coveredPersonIds: [] })
                }
              />
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
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Stack spacing={1.5}>
                <IncomeAssetsFields draft={draft} errorFor={errors.errorFor} onChange={change} />
                <TextField
                  type="date"
                  label={t('cases.form.applicationDate')}
                  value={draft.applicationDate}
                  onChange={(e) => change({ applicationDate: e.target.value })}
                  error={Boolean(errors.errorFor('applicationDate'))}
                  helperText={errors.errorFor('applicationDate') ?? ' '}
                  size="small"
                  sx={{ maxWidth: 240 }}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
                />
              </Stack>
            </Paper>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }} sx={{ position: { md: 'sticky' }, top: { md: 16 } }}>
          <BenefitPanel
            input={live}
            {...(data ? {} : { pending: t('cases.form.pickHousehold') })}
          />
        </Grid>
      </Grid>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? t('cases.form.saving') : t('cases.form.save')}
        </Button>
        {typeof existingCase === 'string' && (
          <Button onClick={() => navigate({ name: 'case', id: existingCase })}>
            {t('cases.form.openExisting')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
