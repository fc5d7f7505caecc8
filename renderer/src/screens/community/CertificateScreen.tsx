import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import PdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { logAccess } from '../../db/repositories/accessLog';
import { getCertificate } from '../../db/repositories/community/certificates';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { CertificateDocument } from './CertificateDocument';
import { PrintOnly } from '../common/PrintOnly';
import { currentWorkOwner } from '../../state/workOwner';

/**
 * An issued certificate, exactly as issued: printed through the print stylesheet, or
 * saved as a PDF (Electron renders the same print layout; the browser build opens its
 * print dialog, where "Save as PDF" is one of the printers).
 */
export function CertificateScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const certificate = useLiveQuery(async () => (await getCertificate(db, id)) ?? null, [db, id]);

  if (certificate === undefined) return null;
  if (certificate === null) {
    return (
      <Stack spacing={2}>
        <PageHeader
          title={t('community.cert.title')}
          onBack={() => navigate({ name: 'volunteers' })}
        />
        <Alert severity="warning">{t('community.notFound')}</Alert>
      </Stack>
    );
  }

  // Printing or exporting personal data is logged first (PIPL): no log, no output.
  const logOutput = async (action: 'print' | 'export') => {
    if (!certificate) return;
    await logAccess(db, writeContext(), {
      action,
      subjectKind: 'volunteerCertificate',
      subjectId: certificate.id,
      maskedSubject: certificate.maskedIdNumber,
    });
  };

  async function print() {
    errors.clear();
    const owner = currentWorkOwner();
    try {
      // Not logged or printed over the lock screen, or once its person has gone.
      await owner.loggedHandOut(() => logOutput('print'));
      window.print();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  async function savePdf(name: string, number: string) {
    errors.clear();
    setSavedPath(null);
    const owner = currentWorkOwner();
    try {
      // Not logged or offered over the lock screen, or once its person has gone.
      await owner.loggedHandOut(() => logOutput('export'));
      const result = await getDeskApi().savePagePdf({
        suggestedName: `志愿服务证明-${name}-${number}.pdf`,
      });
      if (result.saved && result.path) setSavedPath(result.path);
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={`${t('community.cert.title')} · ${certificate.name}`}
        onBack={() => navigate({ name: 'volunteer', id: certificate.volunteerId })}
        actions={
          <>
            <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => void print()}>
              {t('community.cert.print')}
            </Button>
            <Button
              variant="contained"
              startIcon={<PdfIcon />}
              onClick={() => void savePdf(certificate.name, certificate.certificateNumber)}
            >
              {t('community.cert.savePdf')}
            </Button>
          </>
        }
      />
      {savedPath && (
        <Alert severity="success">{t('community.cert.saved', { path: savedPath })}</Alert>
      )}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Paper sx={{ p: 4 }}>
        <CertificateDocument data={certificate} testId="certificate" />
      </Paper>
      <PrintOnly
        running={{
          office: certificate.issuer,
          title: t('community.cert.title'),
          date: todayDate(),
        }}
      >
        <CertificateDocument data={certificate} />
      </PrintOnly>
    </Stack>
  );
}
