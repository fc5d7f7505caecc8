import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { toAppErrorData, type FieldError } from '@shared/errors/appError';
import { fingerprintText } from '@shared/package/keys';
import { checkHqAddress, type HqAddressRules } from '@shared/sync/hqAddress';
import { useT } from '../../i18n/useT';
import { isDesktop } from '../../platform/deskApi';
import { useRouter } from '../../state/router';
import { holdsAny } from '@shared/domain/roles';
import { useRoles, useSession } from '../../state/session';
import { isEnrolled, useSyncStatus } from '../../sync/syncStatus';
import { createSyncTransport } from '../../sync/transport';
import { loadHqKeys } from '../../sync/packages/deviceKeys';
import { enrollWithKeys } from '../../sync/packages/enrollWithKeys';
import { loadAllowInsecureHttp, saveAllowInsecureHttp } from '../../sync/syncMeta';
import { fieldId } from '../../ui/fieldId';
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
  const canEnroll = holdsAny(useRoles(), ['supervisor', 'admin']);
  const status = useSyncStatus();
  const enrolled = isEnrolled(status.state);
  const [enrolledOffice, setEnrolledOffice] = useState<string | null>(null);
  const db = useSession((s) => s.db);
  const hqKeys = useLiveQuery(() => loadHqKeys(db), [db]);
  const allowInsecureHttp = useLiveQuery(() => loadAllowInsecureHttp(db), [db]) ?? false;

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
          {status.state.kind === 'starting'
            ? t('sync.state.starting')
            : enrolled
              ? t('sync.settings.enrolled')
              : t('sync.settings.notEnrolled')}
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
      {/* Not while sync is still starting: the desk may be enrolled already. */}
      {status.state.kind === 'not_enrolled' && canEnroll && (
        <EnrollForm onEnrolled={setEnrolledOffice} allowInsecureHttp={allowInsecureHttp} />
      )}
      {status.state.kind === 'not_enrolled' && !canEnroll && (
        <Alert severity="info">{t('sync.settings.readOnly')}</Alert>
      )}
      {canEnroll && <DeveloperOptions allowInsecureHttp={allowInsecureHttp} />}
    </Stack>
  );
}

/**
 * 开发者选项, kept apart from the enrollment form and marked as such: plain-http HQ
 * addresses off this computer are refused unless this is ticked (shared/sync/hqAddress.ts).
 * Also reachable once enrolled, since every request checks the stored address again.
 */
function DeveloperOptions(props: { allowInsecureHttp: boolean }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  return (
    <Paper variant="outlined" sx={{ p: 2, borderStyle: 'dashed' }} data-testid="sync-dev-options">
      <Typography variant="subtitle2" component="h2" color="text.secondary">
        {t('sync.settings.devTitle')}
      </Typography>
      <FormControlLabel
        control={
          <Checkbox
            checked={props.allowInsecureHttp}
            onChange={(e) => void saveAllowInsecureHttp(db, e.target.checked)}
            color="warning"
          />
        }
        label={t('sync.settings.allowHttp')}
      />
      <FormHelperText sx={{ mt: 0, color: props.allowInsecureHttp ? 'warning.main' : undefined }}>
        {t('sync.settings.allowHttpHelp')}
      </FormHelperText>
    </Paper>
  );
}

/** What the address rule says of the typed address (nothing while it is empty). */
function hqAddressProblem(hqUrl: string, rules: HqAddressRules): FieldError | null {
  if (!hqUrl.trim()) return null;
  try {
    checkHqAddress(hqUrl, rules);
    return null;
  } catch (thrown) {
    return toAppErrorData(thrown).fieldErrors?.[0] ?? null;
  }
}

function EnrollForm(props: {
  onEnrolled: (officeName: string) => void;
  allowInsecureHttp: boolean;
}) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const settings = useSession((s) => s.settings);
  const deviceId = useSession((s) => s.deviceId);
  const officeId = settings?.officeId ?? '';
  const { error, errorFor, capture, clear, clearField } = useFieldErrors();
  const [hqUrl, setHqUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState(
    () => `${settings?.officeName ?? ''}-${deviceId.slice(-4)}`,
  );
  const [busy, setBusy] = useState(false);

  // The address rule as the transports apply it, said next to the field once it was
  // left or submitted, and again as soon as the developer option changes.
  const [addressTouched, setAddressTouched] = useState(false);
  const addressProblem = addressTouched
    ? hqAddressProblem(hqUrl, { allowInsecureHttp: props.allowInsecureHttp })
    : null;
  const hqUrlError = addressProblem ? fieldError(addressProblem) : errorFor('hqUrl');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setAddressTouched(true);
    if (hqAddressProblem(hqUrl, { allowInsecureHttp: props.allowInsecureHttp })) return;
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

  // An address the rule refuses (checked again by the transport) is said next to the field.
  const onlyAddress =
    (error?.fieldErrors?.length ?? 0) > 0 && error?.fieldErrors?.every((e) => e.path === 'hqUrl');
  return (
    <Paper component="form" noValidate onSubmit={submit} sx={{ p: 3 }}>
      <Stack spacing={2}>
        {error && !onlyAddress && (
          <Alert severity="error" data-testid="enroll-error">
            {enrollErrorText(t, error)}
          </Alert>
        )}
        <TextField
          id={fieldId('hqUrl')}
          label={t('sync.settings.hqUrl')}
          value={hqUrl}
          onChange={(e) => {
            clearField('hqUrl');
            setHqUrl(e.target.value);
          }}
          onBlur={() => setAddressTouched(hqUrl.trim() !== '')}
          error={Boolean(hqUrlError)}
          helperText={hqUrlError ?? t('sync.settings.hqUrlHelp')}
          slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }}
          required
          fullWidth
        />
        <TextField
          id={fieldId('code')}
          label={t('sync.settings.code')}
          value={code}
          onChange={(e) => {
            clearField('code');
            setCode(e.target.value);
          }}
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
            id={fieldId('deviceName')}
            label={t('sync.settings.deviceName')}
            value={deviceName}
            onChange={(e) => {
              clearField('deviceName');
              setDeviceName(e.target.value);
            }}
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
