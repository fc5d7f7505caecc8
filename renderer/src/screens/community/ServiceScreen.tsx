import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import EditIcon from '@mui/icons-material/EditNoteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { dateOf } from '@shared/domain/community/localTime';
import { recordHistory } from '../../db/repositories/recordHistory';
import { getService, type ServiceRecord } from '../../db/repositories/community/services';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { FactList } from '../common/FactList';
import { PageHeader } from '../common/PageHeader';
import { hoursLabel, serviceTypeLabel, spanText } from './labels';
import { RecordHistory } from '../common/RecordHistory';
import { communityHistoryFields } from './historyValues';
import { ServiceCorrection } from './ServiceCorrection';

/** One service record: its facts, a correction form on request, and every version. */
export function ServiceScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [correcting, setCorrecting] = useState(false);
  const record = useLiveQuery(async () => (await getService(db, id)) ?? null, [db, id]);
  const versions = useLiveQuery(() => recordHistory(db, 'communityService', id), [db, id]);
  const back = () => navigate({ name: 'services' });

  if (record === undefined) return null;
  if (record === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('community.title')} onBack={back} />
        <Alert severity="warning">{t('community.notFound')}</Alert>
      </Stack>
    );
  }
  const title = t('community.service.title', {
    type: serviceTypeLabel(t, record.type),
    date: dateOf(record.startAt),
  });

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={title}
        onBack={back}
        actions={
          !correcting && (
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setCorrecting(true)}>
              {t('community.correct')}
            </Button>
          )
        }
      />
      {correcting ? (
        <ServiceCorrection record={record} onDone={() => setCorrecting(false)} />
      ) : (
        <ServiceFacts record={record} />
      )}
      <RecordHistory
        kind="communityService"
        versions={versions ?? []}
        fields={communityHistoryFields}
      />
    </Stack>
  );
}

function ServiceFacts({ record }: { record: ServiceRecord }) {
  const { t } = useT();
  const names = (list: { name: string }[]) => list.map((x) => x.name).join('、');
  return (
    <Paper sx={{ p: 2 }} data-testid="service-facts">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('community.service.facts')} · {t('community.version', { n: record.version })}
      </Typography>
      <FactList
        items={[
          [t('community.field.type'), serviceTypeLabel(t, record.type)],
          [t('community.col.when'), spanText(record.startAt, record.endAt)],
          [t('community.field.durationMinutes'), hoursLabel(t, record.durationMinutes)],
          [t('community.field.place'), record.place],
          [t('community.field.served'), names(record.served)],
          [t('community.field.staffNames'), record.staffNames.join('、')],
          [t('community.field.volunteers'), names(record.volunteers)],
          [t('community.field.notes'), record.notes],
          [t('community.field.attachments'), record.attachments.join('、')],
        ]}
      />
    </Paper>
  );
}
