import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/MoreTimeOutlined';
import CertificateIcon from '@mui/icons-material/WorkspacePremiumOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { hoursText } from '@shared/domain/community/hours';
import { certificatesOfVolunteer } from '../../db/repositories/community/certificates';
import { getVolunteer } from '../../db/repositories/community/volunteers';
import { servicesOfVolunteer } from '../../db/repositories/community/volunteerServices';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { FactList } from '../common/FactList';
import { PageHeader } from '../common/PageHeader';
import { HistoryDialog } from './HistoryDialog';
import { VolunteerDialog } from './VolunteerDialog';
import { VolunteerServiceDialog } from './VolunteerServiceDialog';
import { VolunteerServiceRows } from './VolunteerServiceRows';

type Open = 'record' | 'correct' | 'history' | null;

/** One volunteer: facts, total hours, the service ledger and the certificates issued. */
export function VolunteerScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [open, setOpen] = useState<Open>(null);
  const volunteer = useLiveQuery(async () => (await getVolunteer(db, id)) ?? null, [db, id]);
  const services = useLiveQuery(() => servicesOfVolunteer(db, id), [db, id]);
  const certificates = useLiveQuery(() => certificatesOfVolunteer(db, id), [db, id]);
  const back = () => navigate({ name: 'volunteers' });

  if (volunteer === undefined) return null;
  if (volunteer === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('community.title')} onBack={back} />
        <Alert severity="warning">{t('community.notFound')}</Alert>
      </Stack>
    );
  }
  const valid = (services ?? []).filter((s) => !s.voided);
  const total = valid.reduce((sum, s) => sum + s.serviceMinutes, 0);

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={volunteer.name}
        onBack={back}
        actions={
          <>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen('record')}>
              {t('community.volunteer.record')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<CertificateIcon />}
              onClick={() => navigate({ name: 'certificateNew', volunteerId: id })}
            >
              {t('community.volunteer.certificate')}
            </Button>
          </>
        }
      />
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t('community.volunteer.facts')} · {t('community.version', { n: volunteer.version })}
          </Typography>
          <Button size="small" onClick={() => setOpen('history')}>
            {t('community.history')}
          </Button>
          <Button size="small" onClick={() => setOpen('correct')}>
            {t('community.correct')}
          </Button>
        </Stack>
        <FactList
          items={[
            [t('community.field.volunteerNumber'), volunteer.volunteerNumber],
            [
              t('community.field.personId'),
              <Link
                key="person"
                component="button"
                underline="hover"
                onClick={() => navigate({ name: 'person', id: volunteer.personId })}
              >
                {t('community.volunteer.openPerson')}
              </Link>,
            ],
            [t('community.field.skills'), volunteer.skills.join('、')],
            [t('community.field.joinedOn'), volunteer.joinedOn],
            [t('community.field.notes'), volunteer.notes],
          ]}
        />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {t('community.volunteer.ledger')}
          </Typography>
          <Typography color="text.secondary" data-testid="volunteer-total">
            {t('community.volunteer.total', { hours: hoursText(total), count: valid.length })}
          </Typography>
        </Stack>
        {services && services.length === 0 ? (
          <Typography color="text.secondary">{t('community.volunteer.noServices')}</Typography>
        ) : (
          <VolunteerServiceRows services={services ?? []} />
        )}
      </Paper>
      {certificates && certificates.length > 0 && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {t('community.volunteer.certificates')}
          </Typography>
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            {certificates.map((c) => (
              <Link
                key={c.id}
                component="button"
                underline="hover"
                onClick={() => navigate({ name: 'certificate', id: c.id })}
              >
                {c.certificateNumber} ·{' '}
                {t('community.cert.issuedOn', {
                  date: c.issuedOn,
                  hours: hoursText(c.totalMinutes),
                })}
              </Link>
            ))}
          </Stack>
        </Paper>
      )}
      {open === 'record' && (
        <VolunteerServiceDialog volunteer={volunteer} onClose={() => setOpen(null)} />
      )}
      {open === 'correct' && (
        <VolunteerDialog volunteer={volunteer} onClose={() => setOpen(null)} />
      )}
      {open === 'history' && (
        <HistoryDialog kind="volunteer" id={volunteer.id} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
