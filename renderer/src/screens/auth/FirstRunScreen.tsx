import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { AppError, type FieldError } from '@shared/errors/appError';
import { localUserDataSchema } from '@shared/domain/localUser';
import type { LocalUser } from '../../db/repositories/users';
import {
  defaultOfficeSettings,
  officeIdSchema,
  officeSettingsSchema,
} from '@shared/domain/settings';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import { minPasswordLength } from '../../auth/password';
import { completeFirstRun } from '../../db/repositories/firstRun';
import { releaseFirstRun } from '../../db/atRest/firstRunLock';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { AdminCaseworkChoice } from './AdminCaseworkChoice';
import { chunkComponent } from '../../ui/chunkComponent';
import { lazyChunk } from '../../ui/lazyChunk';
import { AuthCard } from './AuthCard';
import { rememberUsername } from './LoginScreen';

// Its own chunk: the backup code (bip39 words, curves) is needed only on this path. The
// recovery key's step follows every first run: fetched while the form is filled in, it
// shows at once after the submit (chunkComponent.tsx).
const restoreChunk = lazyChunk(() =>
  import('../backup/FirstRunRestore').then((m) => ({ default: m.FirstRunRestore })),
);
const FirstRunRestore = chunkComponent(restoreChunk);
const recoveryKeyChunk = lazyChunk(() =>
  import('../backup/FirstRunRecoveryKey').then((m) => ({ default: m.FirstRunRecoveryKey })),
);
const FirstRunRecoveryKey = chunkComponent(recoveryKeyChunk);

interface Form {
  officeName: string;
  officeId: string;
  /** The permanent code typed a second time: it must match. */
  officeIdConfirm: string;
  areaCode: string;
  username: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
}

const empty: Form = {
  officeName: '',
  officeId: '',
  officeIdConfirm: '',
  areaCode: '',
  username: '',
  displayName: '',
  password: '',
  passwordConfirm: '',
};

const adminFieldsSchema = localUserDataSchema.pick({ username: true, displayName: true });

/**
 * The office code can never be changed: it must have the shape of one (shared rule, the
 * same at HQ) and be typed twice alike. The second field is only compared.
 */
function officeCodeErrors(form: Form): FieldError[] {
  const code = officeIdSchema.safeParse(form.officeId);
  const errors = code.success
    ? []
    : fieldErrorsFromZod(code.error).map((e) => ({ ...e, path: 'officeId' }));
  const confirm = form.officeIdConfirm.trim();
  if (confirm === '') errors.push({ path: 'officeIdConfirm', code: 'field.required' });
  else if (confirm !== form.officeId.trim()) {
    errors.push({ path: 'officeIdConfirm', code: 'settings.office_id_mismatch' });
  }
  return errors;
}

/** Every problem at once, before anything is written, so the form is fixed in one pass. */
function checkForm(form: Form): FieldError[] {
  const errors: FieldError[] = [];
  const settings = officeSettingsSchema.safeParse({ ...defaultOfficeSettings, ...form });
  if (!settings.success) errors.push(...fieldErrorsFromZod(settings.error));
  errors.push(...officeCodeErrors(form));
  const admin = adminFieldsSchema.safeParse(form);
  if (!admin.success) errors.push(...fieldErrorsFromZod(admin.error));
  if (form.password.length < minPasswordLength) {
    errors.push({
      path: 'password',
      code: 'user.password_short',
      params: { min: minPasswordLength },
    });
  } else if (form.password !== form.passwordConfirm) {
    errors.push({ path: 'passwordConfirm', code: 'user.password_mismatch' });
  }
  return errors;
}

/**
 * First run on a new desk: the office's identity, then its first administrator. The
 * admin is the actor of the sample reference data, so even seeding is attributed.
 */
export function FirstRunScreen() {
  const { t } = useT();
  const { errorFor, capture, clear, summary } = useFieldErrors();
  const [form, setForm] = useState<Form>(empty);
  const [busy, setBusy] = useState(false);
  const [casework, setCasework] = useState(false);
  // A new PC of an office already in use restores the old desk's backup instead.
  const [restoring, setRestoring] = useState(false);
  // Set up: the recovery key's words are shown (once) before the login screen.
  const [created, setCreated] = useState<{ admin: LocalUser; officeId: string } | null>(null);
  useEffect(() => recoveryKeyChunk.prefetch(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const problems = checkForm(form);
    if (problems.length > 0) {
      capture(
        new AppError({ code: 'validation', message: 'First run form', fieldErrors: problems }),
      );
      return;
    }
    setBusy(true);
    try {
      const { db, deviceId } = useSession.getState();
      const { admin, settings } = await completeFirstRun(
        db,
        { deviceId, now: () => new Date() },
        {
          office: { officeName: form.officeName, officeId: form.officeId, areaCode: form.areaCode },
          admin: {
            username: form.username,
            displayName: form.displayName,
            password: form.password,
            casework,
          },
        },
      );
      rememberUsername(admin.username);
      // The desk has its administrator and the key its wrap: another tab may open it now.
      releaseFirstRun();
      useSession.getState().setSettings(settings);
      setCreated({ admin, officeId: settings.officeId });
    } catch (thrown) {
      capture(thrown);
      setBusy(false);
    }
  };

  const field = (name: keyof Form, label: MessageKey, extra?: { help?: string; type?: string }) => {
    const error = errorFor(name);
    return (
      <TextField
        label={t(label)}
        name={name}
        type={extra?.type ?? 'text'}
        value={form[name]}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        error={Boolean(error)}
        helperText={error ?? extra?.help}
        autoComplete={extra?.type === 'password' ? 'new-password' : 'off'}
        fullWidth
      />
    );
  };

  if (created) {
    return (
      <Suspense fallback={null}>
        <FirstRunRecoveryKey
          admin={created.admin}
          officeId={created.officeId}
          onDone={() => void useSession.getState().init()}
        />
      </Suspense>
    );
  }

  if (restoring) {
    return (
      <Suspense fallback={null}>
        <FirstRunRestore onBack={() => setRestoring(false)} />
      </Suspense>
    );
  }

  return (
    <AuthCard title={t('auth.firstRun.title')} subtitle={t('auth.firstRun.intro')} width={560}>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={2}>
          {summary && <Alert severity="error">{summary}</Alert>}
          <Alert
            severity="info"
            action={
              <Button
                color="inherit"
                size="small"
                sx={{ whiteSpace: 'nowrap' }}
                onClick={() => setRestoring(true)}
              >
                {t('firstRun.restore.open')}
              </Button>
            }
          >
            {t('firstRun.restore.intro')}
          </Alert>
          <Typography variant="subtitle2" color="primary">
            {t('auth.firstRun.office')}
          </Typography>
          <Stack direction="row" spacing={2}>
            {field('officeName', 'auth.officeName', { help: t('auth.officeNameHelp') })}
            {field('areaCode', 'auth.areaCode', { help: t('auth.areaCodeHelp') })}
          </Stack>
          <Alert severity="warning" data-testid="office-code-permanent">
            {t('auth.officeIdPermanent')}
          </Alert>
          <Stack direction="row" spacing={2}>
            {field('officeId', 'auth.officeId', { help: t('auth.officeIdHelp') })}
            {field('officeIdConfirm', 'auth.officeIdConfirm', {
              help: t('auth.officeIdConfirmHelp'),
            })}
          </Stack>
          <Typography variant="subtitle2" color="primary" sx={{ pt: 1 }}>
            {t('auth.firstRun.admin')}
          </Typography>
          <Stack direction="row" spacing={2}>
            {field('username', 'auth.adminUsername', { help: t('auth.usernameHelp') })}
            {field('displayName', 'auth.displayName')}
          </Stack>
          <Stack direction="row" spacing={2}>
            {field('password', 'auth.password', {
              type: 'password',
              help: t('auth.passwordHelp', { min: minPasswordLength }),
            })}
            {field('passwordConfirm', 'auth.passwordConfirm', { type: 'password' })}
          </Stack>
          <AdminCaseworkChoice checked={casework} onChange={setCasework} />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? t('auth.creating') : t('auth.createAdmin')}
          </Button>
        </Stack>
      </Box>
    </AuthCard>
  );
}
