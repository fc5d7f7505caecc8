import { useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { api, type ConsoleUser } from '../api';
import { useI18n } from '../i18n/i18n';
import { AddUserDialog, PasswordDialog } from './UserDialogs';
import { useLoad } from './useLoad';

const loadUsers = () => api<{ users: ConsoleUser[] }>('GET', '/users');

/** County staff accounts (administrators only): add, disable or enable, reset a password. */
export function UsersScreen({
  me,
  onError,
}: {
  me: ConsoleUser;
  onError: (error: unknown) => void;
}) {
  const { t, appError } = useI18n();
  const { value, reload } = useLoad(loadUsers, onError);
  const [dialog, setDialog] = useState<{ add: true } | { password: ConsoleUser } | null>(null);
  // Locks are shown against the moment the screen opened (HQ judges them at sign-in).
  const [openedAt] = useState(() => Date.now());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string) => {
    setDialog(null);
    setMessage({ ok: true, text });
    reload();
  };
  const setDisabled = async (user: ConsoleUser, disabled: boolean) => {
    try {
      await api('POST', `/users/${encodeURIComponent(user.id)}/disabled`, { disabled });
      reload();
    } catch (error) {
      onError(error);
      const data = (error as { data?: Parameters<typeof appError>[0] }).data;
      if (data) setMessage({ ok: false, text: appError(data) });
    }
  };
  const state = (user: ConsoleUser) =>
    user.disabled
      ? t('users.disabled')
      : user.lockedUntil && Date.parse(user.lockedUntil) > openedAt
        ? t('users.locked', {
            until: new Date(user.lockedUntil).toLocaleString('zh-CN', { hour12: false }),
          })
        : t('users.active');
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" onClick={() => setDialog({ add: true })}>
          {t('users.add')}
        </Button>
      </Stack>
      {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
      <Paper>
        <Table size="small" aria-label={t('nav.users')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('users.username')}</TableCell>
              <TableCell>{t('users.displayName')}</TableCell>
              <TableCell>{t('users.role')}</TableCell>
              <TableCell>{t('users.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(value?.users ?? []).map((user) => (
              <TableRow key={user.id}>
                <TableCell>{user.username}</TableCell>
                <TableCell>{user.displayName}</TableCell>
                <TableCell>{t(`role.${user.role}`)}</TableCell>
                <TableCell>{state(user)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setDialog({ password: user })}>
                    {t('users.resetPassword')}
                  </Button>
                  {user.id !== me.id && (
                    <Button
                      size="small"
                      color={user.disabled ? 'primary' : 'error'}
                      onClick={() => setDisabled(user, !user.disabled)}
                    >
                      {user.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {dialog && 'add' in dialog && <AddUserDialog onClose={() => setDialog(null)} onDone={done} />}
      {dialog && 'password' in dialog && (
        <PasswordDialog user={dialog.password} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Stack>
  );
}
