import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import {
  issueCertificate,
  lastCertificateContact,
  previewCertificate,
} from '../../db/repositories/community/certificates';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CertificateDocument } from './CertificateDocument';
import { DateField } from '../common/DateField';

/**
 * Issuing a 志愿服务证明: choose the period and the contact, check the live preview (the
 * same function issuing uses), then issue. Issuing stores the certificate as stated and
 * queues it, so there is a record of who issued what to whom.
 */
export function CertificateNewScreen({ volunteerId }: { volunteerId: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [contact, setContact] = useState('');
  const [saving, setSaving] = useState(false);

  // The office's contact rarely changes: start from the one on the last certificate.
  useEffect(() => {
    void lastCertificateContact(db).then((last) => setContact((c) => c || last));
  }, [db]);

  const request = { volunteerId, period: { from, to }, contact };
  const preview = useLiveQuery(
    () => previewCertificate(db, writeContext(), request, today).catch(() => null),
    // `request` is rebuilt every render from exactly these values.
    [db, volunteerId, from, to, contact, today],
  );

  async function issue() {
    errors.clear();
    setSaving(true);
    try {
      const issued = await issueCertificate(db, writeContext(), request);
      navigate({ name: 'certificate', id: issued.id });
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const date = (label: string, value: string, set: (v: string) => void, path: string) => (
    <DateField
      path={path}
      errors={errors}
      label={label}
      value={value}
      onChange={set}
      max={today}
      sx={{ width: 190 }}
    />
  );

  const back = () => navigate({ name: 'volunteer', id: volunteerId });
  // Nothing typed here is lost by leaving: the period and contact are chosen again in seconds.
  const keys = useFormShortcuts({ save: () => void issue(), back, saving });

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      {keys}
      <PageHeader title={t('community.cert.newTitle')} onBack={back} />
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        {date(t('community.cert.periodFrom'), from, setFrom, 'periodFrom')}
        {date(t('community.cert.periodTo'), to, setTo, 'periodTo')}
        <FormTextField
          path="contact"
          errors={errors}
          label={t('community.cert.contact')}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          sx={{ width: 240 }}
        />
        <Button
          variant="contained"
          onClick={() => void issue()}
          disabled={saving}
          sx={{ mt: 0.25 }}
        >
          {t('community.cert.issue')}
        </Button>
      </Stack>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Alert severity="info" variant="outlined">
        {t('community.cert.previewNote')}
      </Alert>
      {preview && (
        <Paper sx={{ p: 4 }}>
          <CertificateDocument data={preview} testId="certificate-preview" />
        </Paper>
      )}
    </Stack>
  );
}
