import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { unmappedRequired } from '@shared/import/headings';
import type { ColumnMapping, RosterColumn } from '@shared/import/types';
import { useT } from '../../i18n/useT';
import { fieldLabel } from './problemText';

/** Each field with the sheet column it is read from; the user may change any. */
export function MappingPanel<F extends string>(props: {
  columns: readonly RosterColumn<F>[];
  header: readonly string[];
  mapping: ColumnMapping<F>;
  onChange: (mapping: ColumnMapping<F>) => void;
  /** While a check or commit runs, the mapping it uses cannot change. */
  disabled?: boolean;
}) {
  const { t } = useT();
  const missing = unmappedRequired(props.mapping, props.columns);
  function set(field: F, value: string) {
    const index = value === '' ? null : Number(value);
    const next = { ...props.mapping };
    for (const other of Object.keys(next) as F[]) if (next[other] === index) next[other] = null;
    next[field] = index;
    props.onChange(next);
  }
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {t('import.mapping')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('import.mapping.help')}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        {props.columns.map((c) => (
          <TextField
            key={c.field}
            select
            size="small"
            label={`${fieldLabel(t, c.field)}${c.required ? ` (${t('import.mapping.required')})` : ''}`}
            value={props.mapping[c.field] ?? ''}
            onChange={(e) => set(c.field, e.target.value)}
            error={c.required && props.mapping[c.field] === null}
            disabled={props.disabled}
            sx={{ width: 170 }}
            slotProps={{ htmlInput: { 'data-testid': `map-${c.field}` } }}
          >
            <MenuItem value="">{t('import.mapping.none')}</MenuItem>
            {props.header.map((h, i) => (
              <MenuItem key={i} value={i}>
                {h || `#${i + 1}`}
              </MenuItem>
            ))}
          </TextField>
        ))}
      </Stack>
      {missing.length > 0 && (
        <Alert severity="error">
          {t('import.mapping.missing', { fields: missing.map((f) => fieldLabel(t, f)).join('、') })}
        </Alert>
      )}
    </Stack>
  );
}
