import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { AppError } from '@shared/errors/appError';
import type { LocalRole } from '@shared/domain/roles';
import { minPasswordLength } from '../../auth/password';
import { createUser, type LocalUser } from '../../db/repositories/users';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useSubmitShortcut } from '../../keyboard/useSubmitShortcut';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { RolesField } from './RolesField';

interface Form {
  username: string;
  displayName: string;
  roles: LocalRole[];
  password: string;
  passwordConfirm: string;
}

const empty: Form = {
  username: '',
  displayName: '',
  roles: ['registrar'],
  password: '',
  passwordConfirm: '',
};

/** An administrator adds a colleague's account; the colleague changes nothing here. */
export function AddUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: LocalUser) => void;
}) {
  const { t } = useT();
  const { errorFor, capture, clear, summary } = useFieldErrors();
  const [form, setForm] = useState<Form>(empty);
  const [busy, setBusy] = useState(false);
  const formElement = useSubmitShortcut({ busy, open });

  const close = () => {
    setForm(empty);
    clear();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (form.password.length >= minPasswordLength && form.password !== form.passwordConfirm) {
      capture(
        new AppError({
          code: 'validation',
          message: 'Passwords differ',
          fieldErrors: [{ path: 'passwordConfirm', code: 'user.password_mismatch' }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const { username, displayName, roles, password } = form;
      const user = await createUser(useSession.getState().db, writeContext(), {
        username,
        displayName,
        roles,
        password,
      });
      onCreated(user);
      close();
    } catch (thrown) {
      capture(thrown);
    }
    setBusy(false);
  };

  const field = (name: Exclude<keyof Form, 'roles'>, label: MessageKey, type = 'text') => {
    const error = errorFor(name);
    return (
      <TextField
        label={t(label)}
        name={name}
        type={type}
        value={form[name]}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        error={Boolean(error)}
        helperText={error}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        fullWidth
      />
    );
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <form ref={formElement} noValidate onSubmit={submit}>
        <DialogTitle>{t('settings.users.add')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {summary && <Alert severity="error">{summary}</Alert>}
            {field('username', 'settings.users.username')}
            {field('displayName', 'settings.users.displayName')}
            <RolesField
              value={form.roles}
              onChange={(roles) => setForm((f) => ({ ...f, roles }))}
              error={errorFor('roles')}
            />
            {field('password', 'settings.users.password', 'password')}
            {field('passwordConfirm', 'settings.users.passwordConfirm', 'password')}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('settings.users.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
