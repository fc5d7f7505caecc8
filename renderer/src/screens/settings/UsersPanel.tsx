import PersonAddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listUsers } from '../../db/repositories/users';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { AddUserDialog } from './AddUserDialog';
import { SettingsSection } from './SettingsSection';

/** The desk's accounts (administrators only). Accounts stay on this computer. */
export function UsersPanel() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const users = useLiveQuery(() => listUsers(db), [db]);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

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
          {t('settings.users.created', { name: created })}
        </Alert>
      )}
      <Table size="small" aria-label={t('settings.users.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('settings.users.username')}</TableCell>
            <TableCell>{t('settings.users.displayName')}</TableCell>
            <TableCell>{t('settings.users.role')}</TableCell>
            <TableCell>{t('settings.users.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(users ?? []).map((user) => (
            <TableRow key={user.id}>
              <TableCell>{user.username}</TableCell>
              <TableCell>{user.displayName}</TableCell>
              <TableCell>{t(`role.${user.role}`)}</TableCell>
              <TableCell>
                {user.disabled ? t('settings.users.disabled') : t('settings.users.active')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(user) => setCreated(user.displayName)}
      />
    </SettingsSection>
  );
}
