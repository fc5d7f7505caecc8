import { maskIdNumber } from '@shared/identity/residentId';
import { AccessHistory } from '../common/AccessHistory';
import { useLoggedView } from '../common/useLoggedView';
import { useLiveQuery } from 'dexie-react-hooks';
import EditIcon from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { buildCalendar } from '@shared/calendar/workingDays';
import { caseHistory, getCase } from '../../db/repositories/caseQueries';
import { getHouseholdWithMembers } from '../../db/repositories/households';
import { loadCalendar } from '../../db/repositories/reference';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { PaperMenu } from '../papers/PaperMenu';
import { DynamicsLink } from '../dynamics/DynamicsLink';
import { Figures } from './BenefitPanel';
import { isCaseEditable } from './caseEditForm';
import { programmeForms } from './programmeForms';
import { CaseDeadlines } from './CaseDeadlines';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { CaseVersions } from './CaseVersions';
import { StatusChip } from './StatusChip';
import { WorkflowPanel } from './WorkflowPanel';

/**
 * One 低保 case: status, time limits, the workflow steps the user may take, the facts
 * and benefit as saved, the steps' history and every version (corrections with reasons). Live: a step taken here (or arriving by
 * sync) re-renders everything.
 */
export function CaseScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const record = useLiveQuery(async () => (await getCase(db, id)) ?? null, [db, id]);
  const events = useLiveQuery(() => caseHistory(db, id), [db, id]);
  // A broken calendar must not hide the case: fall back to plain Mon–Fri.
  const calendar = useLiveQuery(() => loadCalendar(db).catch(() => buildCalendar([])), [db]);
  const householdId = record?.householdId ?? null;
  const household = useLiveQuery(
    async () => (householdId ? ((await getHouseholdWithMembers(db, householdId)) ?? null) : null),
    [db, householdId],
  );
  // Logged once the applicant is known: the entry names them by masked ID.
  const applicant = household?.members.find((m) => m.person.id === record?.applicantPersonId);
  const viewed = useLoggedView(
    record && household !== undefined
      ? {
          kind: 'assistanceCase',
          id: record.id,
          masked: applicant ? maskIdNumber(applicant.person.idNumber) : '',
        }
      : null,
  );
  const back = () => navigate({ name: 'cases' });

  if (record === undefined) return null;
  if (record === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('cases.title')} onBack={back} />
        <Alert severity="warning">{t('cases.case.notFound')}</Alert>
      </Stack>
    );
  }
  if (viewed === 'pending') return null;
  if (viewed === 'failed') {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('cases.title')} onBack={back} />
        <Alert severity="error">{t('accessRecord.viewFailed')}</Alert>
      </Stack>
    );
  }
  const today = todayDate();
  const ProgrammePanel = programmeForms[record.programme].CasePanel;

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} component="span">
            <span>{t('cases.case.title', { name: record.applicantName })}</span>
            <Chip
              label={t(`programme.short.${record.programme}`)}
              variant="outlined"
              data-testid="case-programme"
            />
            <StatusChip status={record.status} size="medium" />
          </Stack>
        }
        onBack={back}
        actions={
          <>
            <PaperMenu record={record} village={household?.household.villageName ?? ''} />
            <DynamicsLink record={record} />
            {/* The application facts can be corrected (with a reason) before 公示 and in a review. */}
            {isCaseEditable(record.status) && (
              <Button
                variant="outlined"
                startIcon={<EditIcon />}
                onClick={() => navigate({ name: 'caseEdit', id })}
                data-testid="case-edit"
              >
                {t('cases.case.edit')}
              </Button>
            )}
          </>
        }
      />
      <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, md: 7, lg: 8 }}>
          <Stack spacing={2}>
            {ProgrammePanel && <ProgrammePanel record={record} today={today} />}
            <CaseFacts record={record} household={household ?? null} />
            <CaseHistory events={events ?? []} />
            <CaseVersions caseId={id} />
            <AccessHistory subjectId={id} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5, lg: 4 }}>
          <Stack spacing={2}>
            <WorkflowPanel record={record} today={today} calendar={calendar} />
            <CaseDeadlines record={record} today={today} calendar={calendar} />
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
                {t('cases.case.benefit')}
              </Typography>
              <Figures snapshot={record.benefit} programme={record.programme} />
            </Paper>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}
