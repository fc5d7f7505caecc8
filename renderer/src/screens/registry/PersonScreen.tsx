import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { maskIdNumber } from '@shared/identity/residentId';
import { casesOfHousehold } from '../../db/repositories/caseQueries';
import { recordHistory } from '../../db/repositories/recordHistory';
import { getHouseholdWithMembers } from '../../db/repositories/households';
import { logAccess } from '../../db/repositories/accessLog';
import { getPerson } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { CaseSummaryList } from '../cases/CaseSummaryList';
import { FactList } from '../common/FactList';
import {
  ageOn,
  disabilityGradeLabel,
  disabilityTypeLabel,
  hukouLabel,
  relationLabel,
  sexLabel,
  todayDate,
  workCapacityLabel,
} from '../common/labels';
import { AccessHistory } from '../common/AccessHistory';
import { PageHeader } from '../common/PageHeader';
import { useLoggedView } from '../common/useLoggedView';
import { RecordHistory } from '../common/RecordHistory';
import { registryHistoryFields } from './registryFields';
import { PersonCorrectionPanel } from './PersonCorrectionPanel';

/** One person: facts, the household they belong to, and the cases covering them. */
export function PersonScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  // The full ID is shown on request only: lists and the default view keep it masked.
  const [showId, setShowId] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  // Seeing the full number is logged first (PIPL): no log, no display.
  const toggleId = async () => {
    if (showId || !person) return setShowId(false);
    await logAccess(db, writeContext(), {
      action: 'view_full_id',
      subjectKind: 'person',
      subjectId: person.id,
      maskedSubject: maskIdNumber(person.idNumber),
    });
    setShowId(true);
  };

  const person = useLiveQuery(async () => (await getPerson(db, id)) ?? null, [db, id]);
  const householdId = person?.householdId ?? null;
  const household = useLiveQuery(
    async () => (householdId ? ((await getHouseholdWithMembers(db, householdId)) ?? null) : null),
    [db, householdId],
  );
  const cases = useLiveQuery(
    async () => (householdId ? casesOfHousehold(db, householdId) : []),
    [db, householdId],
  );
  const versions = useLiveQuery(() => recordHistory(db, 'person', id), [db, id]);

  const viewed = useLoggedView(
    person ? { kind: 'person', id: person.id, masked: maskIdNumber(person.idNumber) } : null,
  );

  const back = () => navigate({ name: 'persons' });
  if (person === undefined) return null;
  if (person === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('registry.person.title')} onBack={back} />
        <Alert severity="warning">{t('registry.person.notFound')}</Alert>
      </Stack>
    );
  }

  if (viewed === 'pending') return null;
  if (viewed === 'failed') {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('registry.person.title')} onBack={back} />
        <Alert severity="error">{t('accessRecord.viewFailed')}</Alert>
      </Stack>
    );
  }

  const today = todayDate();
  const relation = household?.members.find((m) => m.person.id === person.id)?.relation;
  const mine = (cases ?? []).filter(
    (c) => c.applicantPersonId === person.id || c.coveredPersonIds.includes(person.id),
  );
  const disability =
    person.disabilityGrade === 0
      ? disabilityGradeLabel(t, 0)
      : [
          disabilityGradeLabel(t, person.disabilityGrade),
          person.disabilityType ? disabilityTypeLabel(t, person.disabilityType) : '',
          person.disabilityCertNo,
        ]
          .filter(Boolean)
          .join(' · ');
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <Stack spacing={2}>
      <PageHeader
        title={person.name}
        onBack={back}
        actions={
          correcting ? undefined : (
            <Button variant="outlined" onClick={() => setCorrecting(true)}>
              {t('registry.fix.correct')}
            </Button>
          )
        }
      />
      {correcting && <PersonCorrectionPanel person={person} onClose={() => setCorrecting(false)} />}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t('registry.person.facts')}
        </Typography>
        <FactList
          items={[
            [
              t('registry.member.idNumber'),
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} key="id">
                <span style={{ fontFamily: 'monospace' }} data-testid="person-id">
                  {showId ? person.idNumber : maskIdNumber(person.idNumber)}
                </span>
                <Button size="small" onClick={() => void toggleId()}>
                  {showId ? t('registry.person.hideId') : t('registry.person.showId')}
                </Button>
              </Stack>,
            ],
            [t('registry.member.sex'), sexLabel(t, person.sex)],
            [
              t('registry.member.birthDate'),
              t('registry.person.birthWithAge', {
                date: person.birthDate,
                age: ageOn(person.birthDate, today),
              }),
            ],
            [t('registry.form.hukouType'), hukouLabel(t, person.hukouType)],
            [t('registry.member.hukouAddress'), person.hukouAddress],
            [t('registry.member.currentAddress'), person.currentAddress],
            [t('registry.member.disabilityGrade'), disability],
            [t('registry.member.seriousIllness'), yesNo(person.seriousIllness)],
            [t('registry.member.workCapacity'), workCapacityLabel(t, person.workCapacity)],
            [t('registry.member.student'), yesNo(person.student)],
          ]}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t('registry.person.household')}
        </Typography>
        {household ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              variant="outlined"
              onClick={() => navigate({ name: 'household', id: household.household.id })}
            >
              {t('registry.household.headOf', { name: household.household.headName })}
            </Button>
            <Typography color="text.secondary">
              {[household.household.villageName, relation && relationLabel(t, relation)]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Stack>
        ) : (
          <Typography color="text.secondary">{t('registry.household.none')}</Typography>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {t('registry.person.cases')}
        </Typography>
        <CaseSummaryList cases={mine} />
      </Paper>
      <RecordHistory kind="person" versions={versions ?? []} fields={registryHistoryFields} />
      <AccessHistory subjectId={person.id} />
    </Stack>
  );
}
