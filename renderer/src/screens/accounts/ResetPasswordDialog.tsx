import { Alert, Dialog, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { AppError } from '@shared/errors/appError';
import { resetPassword } from '../../db/repositories/accountChanges';
import type { LocalUser } from '../../db/repositories/users';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { SaveCancelActions } from '../common/SaveCancelActions';

/** 重置密码 (administrators): a temporary password, twice; the account must change it. */
export function ResetPasswordDialog(props: {
  user: LocalUser;
  onClose: () => void;
  onDone: (user: LocalUser) => void;
}) {
  const { t } = useT();
  const errors = useFieldErrors();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  // SaveCancelActions' 保存 (and its Ctrl+S) submits the form, as Enter does.
  const form = useRef<HTMLFormElement | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    errors.clear();
    if (password !== confirm) {
      errors.capture(
        new AppError({
          code: 'validation',
          message: 'The passwords differ.',
          fieldErrors: [{ path: 'passwordConfirm', code: 'user.password_mismatch' }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const db = useSession.getState().db;
      props.onDone(await resetPassword(db, writeContext(), props.user.id, password));
    } catch (thrown) {
      errors.capture(thrown);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <form ref={form} noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('accounts.resetTitle', { name: props.user.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <Alert severity="info" variant="outlined">
              {t('accounts.resetText')}
            </Alert>
            <ErrorSummary error={errors.error} summary={errors.summary} />
            <FormTextField
              path="password"
              errors={errors}
              label={t('accounts.temporaryPassword')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              fullWidth
            />
            <FormTextField
              path="passwordConfirm"
              errors={errors}
              label={t('accounts.temporaryConfirm')}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <SaveCancelActions
          onCancel={props.onClose}
          onSave={() => form.current?.requestSubmit()}
          saving={busy}
          saveLabel={t('accounts.reset')}
        />
      </form>
    </Dialog>
  );
}
