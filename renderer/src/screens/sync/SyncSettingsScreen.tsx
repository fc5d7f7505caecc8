import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppErrorData } from '@shared/errors/appError';
import { fingerprintText } from '@shared/package/keys';
import { useT } from '../../i18n/useT';
import { isDesktop } from '../../platform/deskApi';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { useSyncStatus } from '../../sync/syncStatus';
import { createSyncTransport } from '../../sync/transport';
import { loadHqKeys } from '../../sync/packages/deviceKeys';
import { enrollWithKeys } from '../../sync/packages/enrollWithKeys';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { FactList } from '../common/FactList';
import { PageHeader } from '../common/PageHeader';
import { enrollErrorText, formatTime, stateText } from './syncText';

/**
 * 县局同步: where this desk stands with HQ, and the one-time enrollment with the HQ
 * address and the code the county issued. The office code comes from the office
 * settings; HQ refuses a code issued for another office and says so.
 */
export function SyncSettingsScreen() {
  const { t, language } = useT();
  const navigate = useRouter((s) => s.navigate);
  const role = useSession((s) => s.user?.role);
  const canEnroll = role === 'supervisor' || role === 'admin';
  const status = useSyncStatus();
  const enrolled = status.state.kind !== 'not_enrolled';
  const [enrolledOffice, setEnrolledOffice] = useState<string | null>(null);
  const db = useSession((s) => s.db);
  const hqKeys = useLiveQuery(() => loadHqKeys(db), [db]);

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <PageHeader title={t('sync.settings.title')} onBack={() => navigate({ name: 'settings' })} />
      <Typography color="text.secondary">{t('sync.settings.intro')}</Typography>
      {enrolledOffice && (
        <Alert severity="success" data-testid="enroll-done">
          {t('sync.settings.done', { officeName: enrolledOffice })}
        </Alert>
      )}
      <Paper sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {enrolled ? t('sync.settings.enrolled') : t('sync.settings.notEnrolled')}
        </Typography>
        {enrolled && (
          <FactList
            labelWidth={140}
            items={[
              [t('sync.settings.state'), stateText(t, status.state)],
              [t('sync.settings.hqUrl'), status.hqUrl],
              [
                t('sync.settings.hqKey'),
                hqKeys ? fingerprintText(hqKeys.signingKeyId) : t('sync.settings.hqKeyNone'),
              ],
              [
                t('sync.settings.lastSuccess'),
                status.lastSuccessAt
                  ? formatTime(language, status.lastSuccessAt)
                  : t('sync.lastSuccess.never'),
              ],
            ]}
          />
        )}
      </Paper>
      {!isDesktop() && <Alert severity="info">{t('sync.settings.browserNote')}</Alert>}
      {/* HQ knows a device by its own id once: a desk enrolls once (a lost credential is HQ's to reset). */}
      {!enrolled && canEnroll && <EnrollForm onEnrolled={setEnrolledOffice} />}
      {!enrolled && !canEnroll && <Alert severity="info">{t('sync.settings.readOnly')}</Alert>}
    </Stack>
  );
}

/** HQ's own words are worth showing when HQ refused (not when it was never reached). */
function hqMessage(error: AppErrorData | null): string | null {
  if (!error || ['unavailable', 'internal'].includes(error.code)) return null;
  if (error.fieldErrors?.some((e) => e.code.startsWith('sync.'))) return null;
  return error.message;
}

function EnrollForm(props: { onEnrolled: (officeName: string) => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const settings = useSession((s) => s.settings);
  const deviceId = useSession((s) => s.deviceId);
  const officeId = settings?.officeId ?? '';
  const { error, errorFor, capture, clear } = useFieldErrors();
  const [hqUrl, setHqUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState(
    () => `${settings?.officeName ?? ''}-${deviceId.slice(-4)}`,
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      const result = await enrollWithKeys(db, createSyncTransport(db), {
        hqUrl,
        code,
        officeId,
        deviceId,
        deviceName,
      });
      const { controls } = useSyncStatus.getState();
      controls.noteHqTime(result.hqTime);
      props.onEnrolled(result.officeName);
      // Enrolled: the form goes away as the scheduler reads the new enrollment.
      await controls.reloadEnrollment();
    } catch (thrown) {
      capture(thrown);
      setBusy(false);
    }
  };

  const said = hqMessage(error);
  return (
    <Paper component="form" noValidate onSubmit={submit} sx={{ p: 3 }}>
      <Stack spacing={2}>
        {error && (
          <Alert severity="error" data-testid="enroll-error">
            {enrollErrorText(t, error)}
            {said && (
              <Box component="div" sx={{ mt: 0.5 }}>
                {t('sync.settings.hqSaid', { message: said })}
              </Box>
            )}
          </Alert>
        )}
        <TextField
          label={t('sync.settings.hqUrl')}
          value={hqUrl}
          onChange={(e) => setHqUrl(e.target.value)}
          error={Boolean(errorFor('hqUrl'))}
          helperText={errorFor('hqUrl') ?? t('sync.settings.hqUrlHelp')}
          slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }}
          required
          fullWidth
        />
        <TextField
          label={t('sync.settings.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={Boolean(errorFor('code'))}
          helperText={errorFor('code') ?? t('sync.settings.codeHelp')}
          slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
          required
          fullWidth
        />
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
          <TextField
            label={t('sync.settings.officeId')}
            value={officeId}
            error={Boolean(errorFor('officeId'))}
            helperText={errorFor('officeId') ?? t('sync.settings.officeIdHelp')}
            disabled
          />
          <TextField
            label={t('sync.settings.deviceName')}
            value={deviceName}
            onChange={(e) => setDeviceName(e.target.value)}
            error={Boolean(errorFor('deviceName'))}
            helperText={errorFor('deviceName') ?? t('sync.settings.deviceNameHelp')}
          />
        </Box>
        <Box>
          <Button
            type="submit"
            variant="contained"
            disabled={busy || !hqUrl.trim() || !code.trim() || !officeId}
          >
            {busy ? t('sync.settings.enrolling') : t('sync.settings.enroll')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
