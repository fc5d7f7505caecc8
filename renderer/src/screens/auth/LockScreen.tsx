import LockIcon from '@mui/icons-material/LockOutlined';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { AuthCard } from './AuthCard';
import { rolesLabel } from '../settings/roleLabels';
import { useHiddenUnderLock } from './hiddenUnderLock';

/**
 * Shown over the shell after idle time or 锁定. Only the same user's password unlocks;
 * anyone else uses 切换用户, which logs the locked user out. Their half-filled forms stay
 * saved as drafts under their own account (useFormDraft) for when they log in again.
 * Everything else on the page is hidden and inert while it shows (hiddenUnderLock.ts).
 */
export function LockScreen() {
  const { t } = useT();
  const user = useSession((s) => s.user);
  const { error, capture, clear, summary } = useFieldErrors();
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useHiddenUnderLock(form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setFailed(false);
    setBusy(true);
    try {
      const ok = await useSession.getState().unlock(password);
      if (ok) return;
      setFailed(true);
      setPassword('');
    } catch (thrown) {
      capture(thrown);
    }
    setBusy(false);
  };

  const who = user
    ? t('auth.locked.who', { name: user.displayName, role: rolesLabel(t, user.roles) })
    : '';

  return (
    <AuthCard title={t('auth.locked.title')}>
      <Box component="form" ref={form} noValidate onSubmit={submit}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LockIcon color="primary" />
            <Typography data-testid="locked-user">{who}</Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('auth.locked.idle')}
          </Typography>
          {failed && (
            <Alert severity="error">
              {useSession.getState().retryInSeconds() > 0
                ? t('auth.throttled', { seconds: useSession.getState().retryInSeconds() })
                : t('auth.unlockFailed')}
            </Alert>
          )}
          <ErrorSummary error={error} summary={summary} />
          <TextField
            id={fieldId('password')}
            label={t('auth.password')}
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failed}
            autoComplete="current-password"
            autoFocus
            fullWidth
          />
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" disabled={busy} sx={{ flex: 1 }}>
              {t('auth.unlock')}
            </Button>
            <Button variant="outlined" onClick={() => useSession.getState().logout()}>
              {t('auth.switchUser')}
            </Button>
          </Stack>
        </Stack>
      </Box>
    </AuthCard>
  );
}
