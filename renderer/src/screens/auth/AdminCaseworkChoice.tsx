import { Checkbox, FormControlLabel, FormHelperText, Stack } from '@mui/material';
import { useT } from '../../i18n/useT';

/**
 * First run: whether the first administrator also does casework (a small office where
 * the administrator works the window too). Off unless ticked: the administrator's job
 * is accounts, settings and sync.
 */
export function AdminCaseworkChoice(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useT();
  return (
    <Stack>
      <FormControlLabel
        control={
          <Checkbox
            name="casework"
            checked={props.checked}
            onChange={(e) => props.onChange(e.target.checked)}
          />
        }
        label={t('roles.firstRunCasework')}
      />
      <FormHelperText sx={{ mt: 0 }}>{t('roles.firstRunCaseworkHelp')}</FormHelperText>
    </Stack>
  );
}
