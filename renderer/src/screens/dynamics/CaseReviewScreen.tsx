import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import { isOpenCase } from '@shared/programmes/caseEngine';
import { getCase } from '../../db/repositories/caseQueries';
import { transitionCase } from '../../db/repositories/cases';
import {
  calcReference,
  correctInReview,
  reviewComputation,
  snapshotBeforeReview,
} from '../../db/repositories/dynamics/review';
import { personsOfHousehold } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useActingRole, useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { Figures } from '../cases/BenefitPanel';
import { ErrorSummary } from '../common/ErrorSummary';
import { statusLabel } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { draftOf, factsOf, incomeFields, type ReviewDraft } from './reviewForm';
import { SuccessionDialog } from './SuccessionDialog';

const incomeLabels = {
  wagesFen: 'cases.form.wages',
  businessFen: 'cases.form.business',
  propertyFen: 'cases.form.property',
  transferFen: 'cases.form.transfer',
} as const;

/**
 * 复核 of one case: members and income corrected while it is under review, the amount
 * before the review beside the amount the programme's calculator gives on the review
 * day (the same computation the save and HQ make). Completing the review, 渐退 or 停保
 * are the case's workflow steps.
 */
export function CaseReviewScreen(props: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const c = useLiveQuery(() => getCase(db, props.id), [db, props.id]);
  const before = useLiveQuery(async () => (c ? snapshotBeforeReview(db, c) : undefined), [db, c]);
  const members = useLiveQuery(
    async () => (c ? personsOfHousehold(db, c.householdId) : []),
    [db, c?.householdId],
  );
  const ref = useLiveQuery(() => calcReference(db), [db]);
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const [saved, setSaved] = useState(false);
  const [succeeding, setSucceeding] = useState(false);
  const role = useActingRole();
  if (!c) return null;
  // The form starts from the case as it stands, until the first keystroke.
  const form = draft ?? draftOf(c);

  const parsed = factsOf(form);
  const after = parsed.ok && ref ? reviewComputation(c, parsed.facts, ref) : null;
  const inReview = c.status === 'under_review';
  const set = (patch: Partial<ReviewDraft>) => {
    setSaved(false);
    setDraft({ ...form, ...patch });
  };

  async function start() {
    errors.clear();
    try {
      if (!c) return;
      const started = await transitionCase(db, writeContext(), c.id, c.version, {
        action: 'start_review',
      });
      setDraft(draftOf(started));
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  async function save() {
    errors.clear();
    if (!c) return;
    if (!parsed.ok) {
      errors.setError({ code: 'validation', message: 'money', fieldErrors: parsed.errors });
      return;
    }
    try {
      const updated = await correctInReview(
        db,
        writeContext(),
        c.id,
        c.version,
        parsed.facts,
        form.reason,
      );
      setDraft(draftOf(updated));
      setSaved(true);
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const delta = after && before ? after.benefitFen - before.benefit.benefitFen : 0;
  return (
    <Stack spacing={2} data-testid="case-review">
      <PageHeader
        title={t('dynamics.review.title', { name: c.applicantName })}
        onBack={() => navigate({ name: 'reviewsDue' })}
        actions={
          <>
            {role === 'supervisor' && isOpenCase(c) && c.paymentFrom !== null && (
              <Button
                color="error"
                onClick={() => setSucceeding(true)}
                data-testid="succession-open"
              >
                {t('dynamics.succession.open')}
              </Button>
            )}
            <Button onClick={() => navigate({ name: 'case', id: c.id })}>
              {t('dynamics.review.toCase')}
            </Button>
          </>
        }
      />
      {!inReview && (
        <Alert
          severity="info"
          action={
            c.status === 'active' ? (
              <Button onClick={() => void start()} data-testid="review-start">
                {t('dynamics.review.start')}
              </Button>
            ) : undefined
          }
        >
          {t('dynamics.review.notInReview', { status: statusLabel(t, c.status) })}{' '}
          {t('dynamics.review.startHint')}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="review-before">
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
              {t('dynamics.review.before', { date: before?.benefit.computedForDate ?? '' })}
            </Typography>
            {before && <Figures snapshot={before.benefit} />}
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="review-after">
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
              {t('dynamics.review.after', { date: after?.computedForDate ?? '' })}
            </Typography>
            {after && <Figures snapshot={after} />}
            {after && before && delta !== 0 && (
              <Typography sx={{ mt: 1, fontWeight: 600 }} data-testid="review-delta">
                {t('dynamics.review.change', {
                  delta: `${delta > 0 ? '+' : '−'}¥${formatFen(Math.abs(delta))}`,
                })}
              </Typography>
            )}
          </Paper>
        </Grid>
      </Grid>
      {inReview && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={2}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('dynamics.review.members')}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
              {(members ?? []).map((p) => (
                <FormControlLabel
                  key={p.id}
                  label={p.name}
                  control={
                    <Checkbox
                      checked={form.coveredPersonIds.includes(p.id)}
                      onChange={(e) =>
                        set({
                          coveredPersonIds: e.target.checked
                            ? [...form.coveredPersonIds, p.id]
                            : form.coveredPersonIds.filter((id) => id !== p.id),
                        })
                      }
                      slotProps={{ input: { 'aria-label': p.name } }}
                    />
                  }
                />
              ))}
            </Stack>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {t('dynamics.review.income')}
            </Typography>
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
              {incomeFields.map((f) => (
                <TextField
                  key={f}
                  id={`income.${f}`}
                  size="small"
                  label={t(incomeLabels[f])}
                  value={form.income[f]}
                  onChange={(e) => set({ income: { ...form.income, [f]: e.target.value } })}
                  error={Boolean(errors.errorFor(`income.${f}`))}
                  helperText={errors.errorFor(`income.${f}`) ?? ' '}
                />
              ))}
              <TextField
                id="deductionsFen"
                size="small"
                label={t('cases.form.deductions')}
                value={form.deductions}
                onChange={(e) => set({ deductions: e.target.value })}
                error={Boolean(errors.errorFor('deductionsFen'))}
                helperText={errors.errorFor('deductionsFen') ?? ' '}
              />
            </Stack>
            <FormControlLabel
              label={t('dynamics.review.unstable')}
              control={
                <Checkbox
                  checked={form.incomeUnstable}
                  onChange={(e) => set({ incomeUnstable: e.target.checked })}
                  data-testid="review-unstable"
                />
              }
            />
            <TextField
              id="reason"
              label={t('dynamics.review.reason')}
              value={form.reason}
              onChange={(e) => set({ reason: e.target.value })}
              error={Boolean(errors.errorFor('reason'))}
              helperText={errors.errorFor('reason') ?? ' '}
              multiline
              minRows={2}
            />
            {errors.error && <ErrorSummary error={errors.error} summary={errors.summary} />}
            {saved && <Alert severity="success">{t('dynamics.review.saved')}</Alert>}
            <Stack direction="row">
              <Button variant="contained" onClick={() => void save()} data-testid="review-save">
                {t('dynamics.review.save')}
              </Button>
            </Stack>
          </Stack>
        </Paper>
      )}
      {!inReview && errors.error && <ErrorSummary error={errors.error} summary={errors.summary} />}
      {succeeding && <SuccessionDialog record={c} onClose={() => setSucceeding(false)} />}
    </Stack>
  );
}
