import { Button, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { AppError } from '@shared/errors/appError';
import { changeOwnPassword } from '../../db/repositories/accountChanges';
import type { LocalUser } from '../../db/repositories/users';
import { useT } from '../../i18n/useT';
import { useSubmitShortcut } from '../../keyboard/useSubmitShortcut';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';

/**
 * 修改密码 for the logged-in account: the current password (or the temporary one an
 * administrator set), the new one twice. Used by the forced screen after a reset and by
 * the dialog in the top bar. Ctrl+S submits it (as its button does).
 */
export function ChangePasswordForm(props: {
  onChanged: (user: LocalUser) => void;
  onCancel?: () => void;
  inDialog?: boolean;
}) {
  const { t } = useT();
  const errors = useFieldErrors();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useSubmitShortcut({ busy, open: props.inDialog === true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    if (next !== confirm) {
      errors.capture(
        new AppError({
          code: 'validation',
          message: 'The new passwords differ.',
          fieldErrors: [{ path: 'newConfirm', code: 'user.password_mismatch' }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const user = await changeOwnPassword(useSession.getState().db, writeContext(), current, next);
      props.onChanged(user);
    } catch (thrown) {
      errors.capture(thrown);
      setBusy(false);
    }
  };

  const field = (path: string, label: string, value: string, set: (v: string) => void) => (
    <FormTextField
      path={path}
      errors={errors}
      label={label}
      type="password"
      value={value}
      onChange={(e) => set(e.target.value)}
      autoComplete={path === 'currentPassword' ? 'current-password' : 'new-password'}
      fullWidth
    />
  );

  return (
    <form ref={form} noValidate onSubmit={(e) => void submit(e)}>
      <Stack spacing={1}>
        <ErrorSummary error={errors.error} summary={errors.summary} />
        {field('currentPassword', t('accounts.currentPassword'), current, setCurrent)}
        {field('newPassword', t('accounts.newPassword'), next, setNext)}
        {field('newConfirm', t('accounts.newConfirm'), confirm, setConfirm)}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {props.onCancel && <Button onClick={props.onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" variant="contained" disabled={busy}>
            {t('accounts.saveNew')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
