import { Alert, Box, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { AuthCard } from './AuthCard';
import { RecoveryUnlock } from './RecoveryUnlock';

// Only the username (never the password) is remembered: a desk usually has one clerk.
const lastUsernameKey = 'desk.lastUsername';

export function rememberUsername(username: string): void {
  localStorage.setItem(lastUsernameKey, username);
}

export function LoginScreen() {
  const { t } = useT();
  const officeName = useSession((s) => s.settings?.officeName);
  const { error, capture, clear, summary } = useFieldErrors();
  const [username, setUsername] = useState(() => localStorage.getItem(lastUsernameKey) ?? '');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  // Whether the store was locked when the login failed (the web build after a logout): only
  // a password with a wrap on this PC opens it (passwordWraps.ts).
  const [failedLocked, setFailedLocked] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setFailed(false);
    setBusy(true);
    try {
      const ok = await useSession.getState().login(username, password);
      if (ok) {
        rememberUsername(username.trim());
        return;
      }
      // Say which pair failed, not which half: no hint whether the username exists (the
      // locked store's words are said after every failure, whichever account it was).
      setFailed(true);
      setFailedLocked(!useSession.getState().db.atRest.keys);
      setPassword('');
    } catch (thrown) {
      capture(thrown);
    }
    setBusy(false);
  };

  return (
    <AuthCard title={t('auth.title')} subtitle={officeName}>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={2}>
          {failed && (
            <Alert severity="error" data-testid="login-failed">
              {useSession.getState().retryInSeconds() > 0
                ? t('auth.throttled', { seconds: useSession.getState().retryInSeconds() })
                : t('auth.loginFailed')}
              {failedLocked && (
                <Box component="p" sx={{ mt: 0.5, mb: 0 }}>
                  {t('auth.loginFailedLocked')}
                </Box>
              )}
            </Alert>
          )}
          <ErrorSummary error={error} summary={summary} />
          <TextField
            id={fieldId('username')}
            label={t('auth.username')}
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={failed}
            autoComplete="username"
            autoFocus={!username}
            fullWidth
          />
          <TextField
            id={fieldId('password')}
            label={t('auth.password')}
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failed}
            autoComplete="current-password"
            autoFocus={Boolean(username)}
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? t('auth.loggingIn') : t('auth.login')}
          </Button>
          <RecoveryUnlock />
        </Stack>
      </Box>
    </AuthCard>
  );
}
