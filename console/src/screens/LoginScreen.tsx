import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { ConsoleApiError, signIn, type SignedIn } from '../api';
import { useI18n } from '../i18n/i18n';
import type { ConsoleMessageKey } from '../i18n/zh-CN';
import { LanguageButton } from './LanguageButton';

export function LoginScreen(props: {
  notice: ConsoleMessageKey | null;
  onSignedIn: (session: SignedIn) => void;
}) {
  const { t, appError } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(username.trim(), password));
    } catch (caught) {
      setPassword('');
      setError(caught instanceof ConsoleApiError ? appError(caught.data) : t('error.internal'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100' }}>
      <Paper
        component="form"
        onSubmit={submit}
        sx={{ p: 4, width: 380 }}
        aria-label={t('login.title')}
      >
        <Stack spacing={2}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h5" component="h1">
              {t('login.title')}
            </Typography>
            <LanguageButton color="primary" />
          </Stack>
          {props.notice && !error && <Alert severity="info">{t(props.notice)}</Alert>}
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            required
          />
          <TextField
            label={t('login.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" variant="contained" disabled={busy}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
