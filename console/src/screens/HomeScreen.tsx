import { List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { SignedIn } from '../api';
import { useI18n } from '../i18n/i18n';

const rights = {
  viewer: ['home.may.read'],
  reviewer: ['home.may.read', 'home.may.decide'],
  admin: [
    'home.may.read',
    'home.may.decide',
    'home.may.publish',
    'home.may.manageOffices',
    'home.may.manageUsers',
  ],
} as const;

/** Who is signed in and what the role may do (the same rights HQ checks, roles.ts). */
export function HomeScreen({ session }: { session: SignedIn }) {
  const { t } = useI18n();
  const { user } = session;
  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={1}>
        <Typography variant="h5" component="h2">
          {t('home.welcome', { name: user.displayName })}
        </Typography>
        <Typography>{t('home.role', { role: t(`role.${user.role}`) })}</Typography>
        <List dense>
          {rights[user.role].map((key) => (
            <ListItem key={key}>
              <ListItemText primary={t(key)} />
            </ListItem>
          ))}
        </List>
        <Typography color="text.secondary">
          {t('home.idle', { minutes: session.idleMinutes })}
        </Typography>
      </Stack>
    </Paper>
  );
}
