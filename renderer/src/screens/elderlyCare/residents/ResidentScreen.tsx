import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import type { MovementType } from '@shared/domain/elderlyCare/enums';
import { maskIdNumber } from '@shared/identity/residentId';
import type { MovementInput } from '../../../db/repositories/elderlyCare/movements';
import { residentFile, type ResidentFile } from '../../../db/repositories/elderlyCare/residentFile';
import type { Movement } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { FactList } from '../../common/FactList';
import { ageOn, sexLabel, todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { bedName, bedStatusLabel, fundingLabel, movementLabel } from '../labels';
import { ElderlyHistory } from '../history/ElderlyHistory';
import { MovementList } from '../MovementList';
import { Section } from '../Section';
import { useElderlyRole } from '../useElderlyRole';
import { AssessmentsPanel } from './AssessmentsPanel';
import { ContractsPanel } from './ContractsPanel';
import { MovementDialog } from './MovementDialog';
import { ResidentEditDialog } from './ResidentEditDialog';
import { ReversalDialog } from './ReversalDialog';

type Recordable = MovementInput['type'];

/** What may happen next, by where the resident stands now. */
function nextMovements(file: ResidentFile): Recordable[] {
  switch (file.current?.state) {
    case undefined:
      return ['admit', 'reserve'];
    case 'reserved':
      return ['admit', 'cancel_reservation'];
    case 'active':
      return ['change_bed', 'leave', 'discharge'];
    case 'held':
      return ['return', 'discharge'];
  }
}

const stateStatus = { reserved: 'reserved', active: 'occupied', held: 'held' } as const;

/** One resident: who, where now, every movement (with reversal), assessments, contracts. */
export function ResidentScreen(props: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [moving, setMoving] = useState<Recordable | null>(null);
  const [reversing, setReversing] = useState<Movement | null>(null);
  const [editing, setEditing] = useState(false);
  const file = useLiveQuery(async () => (await residentFile(db, props.id)) ?? null, [db, props.id]);
  const back = () => navigate({ name: 'elderlyResidents' });

  if (file === undefined) return null;
  if (file === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('elderly.tab.residents')} onBack={back} />
        <Alert severity="warning">{t('elderly.resident.notFound')}</Alert>
      </Stack>
    );
  }
  const { resident: r, person, current } = file;
  const status = current
    ? bedStatusLabel(t, stateStatus[current.state])
    : t('elderly.resident.none');
  const contact = r.emergencyContact;

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} component="span">
            <span>{r.personName}</span>
            <Chip
              label={status}
              color={current ? 'primary' : 'default'}
              data-testid="resident-status"
            />
          </Stack>
        }
        onBack={back}
        actions={
          may('record') && (
            <Button variant="outlined" onClick={() => setEditing(true)}>
              {t('elderly.resident.edit')}
            </Button>
          )
        }
      />
      <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <Section title={t('elderly.resident.person')}>
              <FactList
                items={[
                  [t('registry.member.idNumber'), person ? maskIdNumber(person.idNumber) : ''],
                  [t('registry.member.sex'), sexLabel(t, r.sex)],
                  [
                    t('registry.member.birthDate'),
                    `${r.birthDate}（${t('elderly.resident.age', { age: ageOn(r.birthDate, todayDate()) })}）`,
                  ],
                  [t('elderly.field.funding'), fundingLabel(t, r.fundingCategory)],
                  [
                    t('elderly.field.contactName'),
                    [contact.name, contact.relation, contact.phone].filter(Boolean).join(' · '),
                  ],
                  [
                    t('elderly.resident.where'),
                    current
                      ? `${bedName(t, current.place)}（${t('elderly.bed.since', { date: current.since })}）`
                      : '',
                  ],
                  [t('elderly.field.note'), r.note],
                ]}
              />
            </Section>
            <Section title={t('elderly.resident.movements')}>
              {may('record') && (
                <Stack direction="row" spacing={1} sx={{ mb: 1.5 }}>
                  {nextMovements(file).map((type: MovementType) => (
                    <Button
                      key={type}
                      variant="outlined"
                      onClick={() => setMoving(type as Recordable)}
                      data-testid={`move-${type}`}
                    >
                      {movementLabel(t, type)}
                    </Button>
                  ))}
                </Stack>
              )}
              <MovementList
                empty={t('elderly.resident.noMovements')}
                items={file.movements.map((m) => ({
                  movement: m.movement,
                  subject: m.place ? bedName(t, m.place) : '',
                  reversed: m.reversed,
                }))}
                reversibleId={file.reversibleId}
                {...(may('reverse') ? { onReverse: setReversing } : {})}
              />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack spacing={2}>
            <AssessmentsPanel file={file} />
            <ContractsPanel file={file} />
            <ElderlyHistory kind="elderlyResident" id={r.id} />
          </Stack>
        </Grid>
      </Grid>
      {moving && <MovementDialog file={file} type={moving} onClose={() => setMoving(null)} />}
      {reversing && <ReversalDialog movement={reversing} onClose={() => setReversing(null)} />}
      {editing && <ResidentEditDialog resident={r} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
