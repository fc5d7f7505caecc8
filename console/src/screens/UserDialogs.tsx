import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import type { FieldError } from '@shared/errors/appError';
import { ConsoleApiError, api, type ConsoleRole, type ConsoleUser } from '../api';
import { useI18n } from '../i18n/i18n';

/** Sends a form; a refusal's field errors go next to their fields, the rest above. */
function useSend(onDone: (message: string) => void) {
  const { appError, fieldError } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const send = async (run: () => Promise<string>) => {
    setFields({});
    setBanner(null);
    try {
      onDone(await run());
    } catch (error) {
      if (!(error instanceof ConsoleApiError)) throw error;
      const byPath = Object.fromEntries(
        (error.data.fieldErrors ?? []).map((f: FieldError) => [f.path, fieldError(f)]),
      );
      setFields(byPath);
      if (Object.keys(byPath).length === 0) setBanner(appError(error.data));
    }
  };
  return { fields, banner, send };
}

export function AddUserDialog(props: { onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'reviewer' as ConsoleRole,
    password: '',
  });
  const { fields, banner, send } = useSend(props.onDone);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(fields[name]),
    helperText: fields[name] ?? ' ',
  });
  return (
    <Dialog open onClose={props.onClose} aria-label={t('users.add')}>
      <DialogTitle>{t('users.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 360 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          <TextField label={t('users.username')} {...field('username')} />
          <TextField label={t('users.displayName')} {...field('displayName')} />
          <TextField select label={t('users.role')} {...field('role')}>
            {(['reviewer', 'admin', 'viewer'] as const).map((role) => (
              <MenuItem key={role} value={role}>
                {t(`role.${role}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="password"
            autoComplete="new-password"
            label={t('users.password')}
            {...field('password')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('users.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() =>
            send(async () => {
              await api('POST', '/users', form);
              return t('users.added', { username: form.username });
            })
          }
        >
          {t('users.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function PasswordDialog(props: {
  user: ConsoleUser;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const { fields, banner, send } = useSend(props.onDone);
  return (
    <Dialog open onClose={props.onClose} aria-label={t('users.resetPassword')}>
      <DialogTitle>
        {t('users.resetPassword')}：{props.user.displayName}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 360 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          <TextField
            type="password"
            autoComplete="new-password"
            label={t('users.newPassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={Boolean(fields.password)}
            helperText={fields.password ?? ' '}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('users.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() =>
            send(async () => {
              await api('POST', `/users/${encodeURIComponent(props.user.id)}/password`, {
                password,
              });
              return t('users.passwordReset', { username: props.user.username });
            })
          }
        >
          {t('users.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
