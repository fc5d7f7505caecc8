import PersonAddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import {
  Alert,
  Button,
  Table,
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
import { useSession } from '../../state/session';
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

  return (
    <SettingsSection
      title={t('settings.users.title')}
      action={
        <Button variant="outlined" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>
          {t('settings.users.add')}
        </Button>
      }
    >
      {created && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setCreated(null)}>
          {created}
        </Alert>
      )}
      <Table size="small" aria-label={t('settings.users.title')}>
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
              <TableCell>
                {rolesLabel(t, user.roles)}
                <Typography variant="caption" color="text.secondary" component="div">
                  {rolesHelp(t, user.roles)}
                </Typography>
              </TableCell>
              <TableCell>
                {user.disabled ? t('settings.users.disabled') : t('settings.users.active')}
              </TableCell>
              <TableCell align="right">
                <Button size="small" onClick={() => setEditing(user)}>
                  {t('roles.change')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
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
    </SettingsSection>
  );
}
