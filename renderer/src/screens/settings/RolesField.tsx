import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { roleChoices, rolesKey, type LocalRole } from '@shared/domain/roles';
import { useT } from '../../i18n/useT';
import { rolesHelp, rolesLabel } from './roleLabels';

/**
 * The roles of an account, chosen explicitly from the clear combinations: one role, or
 * an administrator who also registers or reviews (a small office). What the choice is
 * for shows under it, and why an office would combine roles above it.
 */
export function RolesField(props: {
  value: readonly LocalRole[];
  onChange: (roles: LocalRole[]) => void;
  error?: string | null;
}) {
  const { t } = useT();
  const current = rolesKey(props.value);
  // An account holding a set the list does not offer keeps it shown, never changed silently.
  const choices = roleChoices.some((c) => rolesKey(c) === current)
    ? roleChoices
    : [...roleChoices, props.value];
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary" data-testid="roles-why">
        {t('roles.why')}
      </Typography>
      <TextField
        select
        label={t('settings.users.role')}
        name="roles"
        value={current}
        onChange={(e) => {
          const chosen = choices.find((c) => rolesKey(c) === e.target.value);
          if (chosen) props.onChange([...chosen]);
        }}
        error={Boolean(props.error)}
        helperText={props.error ?? rolesHelp(t, props.value)}
        fullWidth
      >
        {choices.map((choice) => (
          <MenuItem key={rolesKey(choice)} value={rolesKey(choice)}>
            {rolesLabel(t, choice)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
