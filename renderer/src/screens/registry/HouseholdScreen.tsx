import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { maskIdNumber } from '@shared/identity/residentId';
import { casesOfHousehold } from '../../db/repositories/caseQueries';
import { recordHistory } from '../../db/repositories/recordHistory';
import { getHouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { PanelTable } from '../../ui/PanelTable';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { CaseSummaryList } from '../cases/CaseSummaryList';
import { FactList } from '../common/FactList';
import {
  ageOn,
  disabilityGradeLabel,
  hukouLabel,
  relationLabel,
  sexLabel,
  todayDate,
  workCapacityLabel,
} from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { RecordHistory } from '../common/RecordHistory';
import { registryHistoryFields } from './registryFields';
import { HouseholdCorrectionPanel } from './HouseholdCorrectionPanel';

/** A household: its facts, members with their relation to the head, and its cases. */
export function HouseholdScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const data = useLiveQuery(async () => (await getHouseholdWithMembers(db, id)) ?? null, [db, id]);
  const cases = useLiveQuery(() => casesOfHousehold(db, id), [db, id]);
  const versions = useLiveQuery(() => recordHistory(db, 'household', id), [db, id]);
  const [correcting, setCorrecting] = useState(false);
  const back = () => navigate({ name: 'persons' });

  if (data === undefined) return null;
  if (data === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('registry.household.title')} onBack={back} />
        <Alert severity="warning">{t('registry.household.notFound')}</Alert>
      </Stack>
    );
  }
  const { household, members } = data;
  const today = todayDate();

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('registry.household.headOf', { name: household.headName })}
        onBack={back}
        actions={
          <Stack direction="row" spacing={1}>
            <Button
              variant="outlined"
              onClick={() => navigate({ name: 'householdPaper', id: household.id })}
              data-testid="household-print"
            >
              {t('print.household.button')}
            </Button>
            {!correcting && (
              <Button variant="outlined" onClick={() => setCorrecting(true)}>
                {t('registry.fix.correct')}
              </Button>
            )}
            <Button
              variant="contained"
              onClick={() => navigate({ name: 'caseNew', householdId: household.id })}
            >
              {t('registry.household.applyDibao')}
            </Button>
          </Stack>
        }
      />
      {correcting && <HouseholdCorrectionPanel data={data} onClose={() => setCorrecting(false)} />}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <FactList
          items={[
            [t('registry.household.head'), household.headName],
            [t('registry.form.areaCode'), household.areaCode],
            [t('registry.form.hukouType'), hukouLabel(t, household.hukouType)],
            [t('registry.form.village'), household.villageName],
            [t('registry.form.address'), household.address],
          ]}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {t('registry.household.members', { count: members.length })}
        </Typography>
        {/* Each cell on one line (a name or an age broken in two read as two); a narrow
            window scrolls the table sideways instead. */}
        <PanelTable data-testid="household-members">
          <TableHead>
            <TableRow>
              <TableCell>{t('registry.member.name')}</TableCell>
              <TableCell>{t('registry.member.relation')}</TableCell>
              <TableCell>{t('registry.member.idNumber')}</TableCell>
              <TableCell>{t('registry.member.sex')}</TableCell>
              <TableCell>{t('registry.member.birthDate')}</TableCell>
              <TableCell>{t('registry.member.disabilityGrade')}</TableCell>
              <TableCell>{t('registry.member.workCapacity')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map(({ person: p, relation }) => (
              <TableRow key={p.id} hover>
                <TableCell>
                  <Link
                    component="button"
                    onClick={() => navigate({ name: 'person', id: p.id })}
                    underline="hover"
                  >
                    {p.name}
                  </Link>
                </TableCell>
                <TableCell>{relationLabel(t, relation)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{maskIdNumber(p.idNumber)}</TableCell>
                <TableCell>{sexLabel(t, p.sex)}</TableCell>
                <TableCell>
                  {t('registry.person.birthWithAge', {
                    date: p.birthDate,
                    age: ageOn(p.birthDate, today),
                  })}
                </TableCell>
                <TableCell>{disabilityGradeLabel(t, p.disabilityGrade)}</TableCell>
                <TableCell>{workCapacityLabel(t, p.workCapacity)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </PanelTable>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {t('registry.household.cases')}
        </Typography>
        <CaseSummaryList cases={cases ?? []} />
      </Paper>
      <RecordHistory kind="household" versions={versions ?? []} fields={registryHistoryFields} />
    </Stack>
  );
}
