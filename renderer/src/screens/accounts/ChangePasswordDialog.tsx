import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the top bar: any account, any time. */
export function ChangePasswordDialog(props: { onClose: (changed: boolean) => void }) {
  const { t } = useT();
  const passwordChanged = useSession((s) => s.passwordChanged);
  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="xs">
      <DialogTitle>{t('accounts.changeTitle')}</DialogTitle>
      <DialogContent>
        <ChangePasswordForm
          inDialog
          onCancel={() => props.onClose(false)}
          onChanged={(user) => {
            passwordChanged(user);
            props.onClose(true);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
