import PersonAddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import {
  Alert,
  Button,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listUsers, type LocalUser } from '../../db/repositories/users';
import { useT } from '../../i18n/useT';
import { PanelTable } from '../../ui/PanelTable';
import { setUserDisabled } from '../../db/repositories/accountChanges';
import { useSession, writeContext } from '../../state/session';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorSummary } from '../common/ErrorSummary';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ResetPasswordDialog } from '../accounts/ResetPasswordDialog';
import { AddUserDialog } from './AddUserDialog';
import { EditRolesDialog } from './EditRolesDialog';
import { rolesHelp, rolesLabel } from './roleLabels';
import { SettingsSection } from './SettingsSection';

/**
 * The desk's accounts (administrators only) and the roles each holds, changed here.
 * Accounts stay on this computer; their office records (no password) go to HQ.
 */
export function UsersPanel() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const users = useLiveQuery(() => listUsers(db), [db]);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [editing, setEditing] = useState<LocalUser | null>(null);
  const [resetting, setResetting] = useState<LocalUser | null>(null);
  const [disabling, setDisabling] = useState<LocalUser | null>(null);
  const errors = useFieldErrors();
  const me = useSession((s) => s.user?.id);

  async function switchDisabled(user: LocalUser, disabled: boolean) {
    setDisabling(null);
    errors.clear();
    try {
      await setUserDisabled(db, writeContext(), user.id, disabled);
      const key = disabled ? 'accounts.disabled' : 'accounts.enabled';
      setCreated(t(key, { name: user.displayName }));
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <SettingsSection
      title={t('settings.users.title')}
      action={
        <Button variant="outlined" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>
          {t('settings.users.add')}
        </Button>
      }
    >
      <ErrorSummary error={errors.error} summary={errors.summary} />
      {created && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setCreated(null)}>
          {created}
        </Alert>
      )}
      {/* Names and statuses on one line (赵管/理 broke in two); the roles' help wraps. */}
      <PanelTable aria-label={t('settings.users.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('settings.users.username')}</TableCell>
            <TableCell>{t('settings.users.displayName')}</TableCell>
            <TableCell>{t('settings.users.role')}</TableCell>
            <TableCell>{t('settings.users.status')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(users ?? []).map((user) => (
            <TableRow key={user.id}>
              <TableCell>{user.username}</TableCell>
              <TableCell>{user.displayName}</TableCell>
              <TableCell data-wraps sx={{ minWidth: '14em' }}>
                {rolesLabel(t, user.roles)}
                <Typography variant="caption" color="text.secondary" component="div">
                  {rolesHelp(t, user.roles)}
                </Typography>
              </TableCell>
              <TableCell data-testid={`user-status-${user.username}`}>
                {user.disabled ? t('settings.users.disabled') : t('settings.users.active')}
                {user.mustChangePassword === true && (
                  <Typography variant="caption" color="warning.main" component="div">
                    {t('accounts.mustChange')}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">
                <Button size="small" onClick={() => setEditing(user)}>
                  {t('roles.change')}
                </Button>
                <Button size="small" onClick={() => setResetting(user)}>
                  {t('accounts.reset')}
                </Button>
                {user.disabled ? (
                  <Button size="small" onClick={() => void switchDisabled(user, false)}>
                    {t('accounts.enable')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    color="error"
                    disabled={user.id === me}
                    onClick={() => setDisabling(user)}
                  >
                    {t('accounts.disable')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </PanelTable>
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(user) => setCreated(t('settings.users.created', { name: user.displayName }))}
      />
      {editing && (
        <EditRolesDialog
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            setCreated(t('roles.saved', { name: user.displayName }));
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(user) => {
            setResetting(null);
            setCreated(t('accounts.resetDone', { name: user.displayName }));
          }}
        />
      )}
      {disabling && (
        <ConfirmDialog
          title={t('accounts.disableTitle', { name: disabling.displayName })}
          text={t('accounts.disableText')}
          confirmLabel={t('accounts.disable')}
          onCancel={() => setDisabling(null)}
          onConfirm={() => void switchDisabled(disabling, true)}
          confirmTestId="confirm-disable"
        />
      )}
    </SettingsSection>
  );
}
