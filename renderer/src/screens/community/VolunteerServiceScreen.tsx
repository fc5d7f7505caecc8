import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import EditIcon from '@mui/icons-material/EditNoteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { recordHistory } from '../../db/repositories/recordHistory';
import { getVolunteerService } from '../../db/repositories/community/volunteerServices';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { FactList } from '../common/FactList';
import { PageHeader } from '../common/PageHeader';
import { hoursLabel, instantText, spanText } from './labels';
import { RecordHistory } from '../common/RecordHistory';
import { communityHistoryFields } from './historyValues';
import { VoidDialog } from './VoidDialog';
import { VolunteerServiceDialog } from './VolunteerServiceDialog';

/** One volunteer service record: what is on it now, and every version with its reason. */
export function VolunteerServiceScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [open, setOpen] = useState<'correct' | 'void' | null>(null);
  const service = useLiveQuery(async () => (await getVolunteerService(db, id)) ?? null, [db, id]);
  const versions = useLiveQuery(() => recordHistory(db, 'volunteerService', id), [db, id]);

  if (service === undefined) return null;
  if (service === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('community.title')} onBack={() => navigate({ name: 'volunteers' })} />
        <Alert severity="warning">{t('community.notFound')}</Alert>
      </Stack>
    );
  }
  const volunteer = { id: service.volunteerId, name: service.volunteerName };

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('community.vs.title', { name: service.volunteerName })}
        onBack={() => navigate({ name: 'volunteer', id: service.volunteerId })}
        actions={
          !service.voided && (
            <>
              <Button
                variant="outlined"
                startIcon={<EditIcon />}
                onClick={() => setOpen('correct')}
              >
                {t('community.correct')}
              </Button>
              <Button color="warning" onClick={() => setOpen('void')}>
                {t('community.vs.void')}
              </Button>
            </>
          )
        }
      />
      <Paper sx={{ p: 2 }} data-testid="volunteer-service-facts">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {t('community.vs.facts')} · {t('community.version', { n: service.version })}
          </Typography>
          {service.voided && <Chip size="small" color="warning" label={t('community.voided')} />}
        </Stack>
        <FactList
          labelWidth={140}
          items={[
            [t('community.field.content'), service.content],
            [t('community.field.activityId'), service.activityName],
            [t('community.field.place'), service.place],
            [t('community.col.span'), spanText(service.startAt, service.endAt)],
            [
              t('community.field.travelMinutes'),
              t('community.minutes', { minutes: service.travelMinutes }),
            ],
            [
              t('community.field.serviceMinutes'),
              <strong key="h">{hoursLabel(t, service.serviceMinutes)}</strong>,
            ],
            [
              t('community.field.recordedBy'),
              t('community.vs.recorded', {
                name: service.recordedBy.name,
                at: instantText(service.recordedBy.at, language),
              }),
            ],
          ]}
        />
      </Paper>
      <RecordHistory
        kind="volunteerService"
        versions={versions ?? []}
        fields={communityHistoryFields}
      />
      {open === 'correct' && (
        <VolunteerServiceDialog
          volunteer={volunteer}
          service={service}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'void' && <VoidDialog service={service} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
