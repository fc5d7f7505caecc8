import { useLiveQuery } from 'dexie-react-hooks';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { bedChoices } from '../../../db/repositories/elderlyCare/bedChoices';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../state/session';
import { todayDate } from '../../common/labels';
import { bedName, bedTypeLabel, sexRuleLabel } from '../labels';

/**
 * Chooses a vacant bed of any institution ('' = none when `noneLabel` is given). The
 * write path checks again on save: sex rule, maintenance and overlapping stays.
 */
export function BedPicker(props: {
  value: string;
  onChange: (bedId: string) => void;
  error?: string | undefined;
  noneLabel?: string;
  exceptBedId?: string;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const today = todayDate();
  const choices = useLiveQuery(() => bedChoices(db, today), [db, today]);
  const offered = (choices ?? []).filter(
    (c) => c.bed.id !== props.exceptBedId && (c.status === 'vacant' || c.bed.id === props.value),
  );
  return (
    <TextField
      select
      label={t('elderly.field.bed')}
      value={choices ? props.value : ''}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? ' '}
      fullWidth
      data-testid="bed-picker"
    >
      {props.noneLabel !== undefined && <MenuItem value="">{props.noneLabel}</MenuItem>}
      {offered.map((c) => (
        <MenuItem key={c.bed.id} value={c.bed.id}>
          {c.institution.name} ·{' '}
          {bedName(t, { building: c.building, room: c.room, bed: c.bed.number })}
          {' · '}
          {bedTypeLabel(t, c.bed.bedType)}
          {c.bed.sexRule !== 'any' && ` · ${sexRuleLabel(t, c.bed.sexRule)}`}
        </MenuItem>
      ))}
    </TextField>
  );
}
