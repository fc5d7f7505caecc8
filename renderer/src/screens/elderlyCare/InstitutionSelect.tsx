import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Institution } from '../../db/repositories/elderlyCare/tables';
import { useT } from '../../i18n/useT';

/** Chooses an institution; with `allowAll`, '' stands for the whole office. */
export function InstitutionSelect(props: {
  institutions: Institution[];
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
}) {
  const { t } = useT();
  return (
    <TextField
      select
      label={t('elderly.field.institution')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ minWidth: 240 }}
      // '' is a real choice (all institutions), so show it instead of an empty field.
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      data-testid="institution-select"
    >
      {props.allowAll && <MenuItem value="">{t('elderly.allInstitutions')}</MenuItem>}
      {props.institutions.map((i) => (
        <MenuItem key={i.id} value={i.id}>
          {i.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
