import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { LocalRole } from '@shared/domain/roles';
import { setUserRoles, type LocalUser } from '../../db/repositories/users';
import { useT } from '../../i18n/useT';
import { useSubmitShortcut } from '../../keyboard/useSubmitShortcut';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { RolesField } from './RolesField';

/**
 * The administrator changes the roles an account holds (e.g. gives the registrar's role
 * to the administrator of a small office). HQ judges each op by the roles as they stood
 * at its clock, so earlier work keeps the roles it was done in.
 */
export function EditRolesDialog(props: {
  user: LocalUser;
  onClose: () => void;
  onSaved: (user: LocalUser) => void;
}) {
  const { t } = useT();
  const { errorFor, capture, clear, summary } = useFieldErrors();
  const [roles, setRoles] = useState<LocalRole[]>([...props.user.roles]);
  const [busy, setBusy] = useState(false);
  const formElement = useSubmitShortcut({ busy });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      const { db } = useSession.getState();
      const saved = await setUserRoles(db, writeContext(), props.user.id, roles);
      // The logged-in administrator changing its own roles acts in them from now on.
      const session = useSession.getState();
      if (session.user?.id === saved.id) useSession.setState({ user: saved });
      props.onSaved(saved);
    } catch (thrown) {
      capture(thrown);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <form ref={formElement} noValidate onSubmit={submit}>
        <DialogTitle>{t('roles.changeTitle', { name: props.user.displayName })}</DialogTitle>
        <DialogContent>
          {summary && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {summary}
            </Alert>
          )}
          <RolesField value={roles} onChange={setRoles} error={errorFor('roles')} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('roles.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
