import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { bedTypes, sexRules, type BedType, type SexRule } from '@shared/domain/elderlyCare/enums';
import { maxBedsPerRoom } from '@shared/domain/elderlyCare/roomBeds';
import { DateField } from '../../common/DateField';
import { useT } from '../../../i18n/useT';
import { bedTypeLabel, sexRuleLabel } from '../labels';

export interface BedBatchForm {
  /** As typed: the write path refuses a count out of range, never clamps it. */
  count: string;
  bedType: BedType;
  sexRule: SexRule;
  inServiceFrom: string;
}

/** How many beds, of which type and sex rule, in service from when: one row of a form. */
export function BedBatchFields(props: {
  form: BedBatchForm;
  onChange: (patch: Partial<BedBatchForm>) => void;
  errorFor: (path: string) => string | undefined;
  /** Beds the room can still take (for the hint under the count). */
  room?: number;
}) {
  const { t } = useT();
  const { form } = props;
  const help = (path: string, hint = ' ') => ({
    error: Boolean(props.errorFor(path)),
    helperText: props.errorFor(path) ?? hint,
    fullWidth: true,
  });
  return (
    <>
      <Grid size={3}>
        <TextField
          type="number"
          label={t('elderly.field.bedCount')}
          value={form.count}
          onChange={(e) => props.onChange({ count: e.target.value })}
          slotProps={{ htmlInput: { min: 1, max: maxBedsPerRoom, 'data-testid': 'bed-count' } }}
          {...help(
            'bedCount',
            t('elderly.fix.bedCountHelp', { maximum: props.room ?? maxBedsPerRoom }),
          )}
        />
      </Grid>
      <Grid size={3}>
        <TextField
          select
          label={t('elderly.field.bedType')}
          value={form.bedType}
          onChange={(e) => props.onChange({ bedType: e.target.value as BedType })}
          {...help('bedType')}
        >
          {bedTypes.map((b) => (
            <MenuItem key={b} value={b}>
              {bedTypeLabel(t, b)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={3}>
        <TextField
          select
          label={t('elderly.field.sexRule')}
          value={form.sexRule}
          onChange={(e) => props.onChange({ sexRule: e.target.value as SexRule })}
          {...help('sexRule')}
        >
          {sexRules.map((s) => (
            <MenuItem key={s} value={s}>
              {sexRuleLabel(t, s)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={3}>
        <DateField
          label={t('elderly.field.inServiceFrom')}
          value={form.inServiceFrom}
          onChange={(inServiceFrom) => props.onChange({ inServiceFrom })}
          path="inServiceFrom"
          error={props.errorFor('inServiceFrom')}
          fullWidth
        />
      </Grid>
    </>
  );
}
