import { useCallback, useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { loadOffice, makeEnrollmentCode, type DeskView } from '../../officesApi';
import { useLoad } from '../useLoad';
import { DeskTable } from './DeskTable';
import { ExportButton } from './ExportButton';
import { EnrollmentCodeDialog, RevokeDialog } from './OfficeDialogs';
import { PackageTable, RefusalTable } from './OfficeTables';

/**
 * One office: its desks (contact, reports, packages, revoke), the ops HQ refused with
 * the reason in words, its packages; an administrator makes an enrollment code (shown
 * once) or exports a package for it.
 */
export function OfficeScreen(props: {
  officeId: string;
  admin: boolean;
  onError: (error: unknown) => void;
  onBack: () => void;
}) {
  const { t, appError } = useI18n();
  const load = useCallback(() => loadOffice(props.officeId), [props.officeId]);
  const { value, reload } = useLoad(load, props.onError);
  const [code, setCode] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<DeskView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const enroll = async () => {
    try {
      setCode((await makeEnrollmentCode(props.officeId)).code);
    } catch (error) {
      props.onError(error);
      if (error instanceof ConsoleApiError) setMessage({ ok: false, text: appError(error.data) });
    }
  };
  if (!value) return null;
  const { office } = value;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button onClick={props.onBack}>{t('offices.back')}</Button>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {office.name}（{office.id}）
        </Typography>
        {props.admin && (
          <>
            <Button variant="contained" onClick={() => void enroll()}>
              {t('offices.enroll')}
            </Button>
            <ExportButton
              officeId={office.id}
              onMessage={setMessage}
              onError={props.onError}
              onDone={reload}
            />
          </>
        )}
      </Stack>
      {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3">
          {t('offices.desks')}
        </Typography>
        {office.desks.length === 0 ? (
          <Alert severity="info">{t('offices.noDesks')}</Alert>
        ) : (
          <DeskTable
            desks={office.desks}
            now={value.now}
            admin={props.admin}
            onRevoke={setRevoking}
          />
        )}
        <Typography variant="caption" color="text.secondary">
          {t('offices.reportedHelp')}
        </Typography>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3">
          {t('offices.refusals')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('offices.refusalsHelp')}
        </Typography>
        <RefusalTable refusals={value.refusals} />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3">
          {t('offices.packages')}
        </Typography>
        <PackageTable packages={value.packages} desks={office.desks} />
      </Paper>
      {code && (
        <EnrollmentCodeDialog officeName={office.name} code={code} onClose={() => setCode(null)} />
      )}
      {revoking && (
        <RevokeDialog
          desk={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setMessage({ ok: true, text: t('offices.revokedDone', { name: revoking.name }) });
            setRevoking(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
