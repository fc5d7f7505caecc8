import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { recordMovement } from '../../../db/repositories/elderlyCare/movements';
import { residentRows, type ResidentRow } from '../../../db/repositories/elderlyCare/residentRows';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { movementLabel } from '../labels';
import { DateField } from '../../common/DateField';

/**
 * Puts someone in a vacant bed: a registered resident without a bed (admit or reserve,
 * on a date), or a new resident registered and admitted in one save.
 */
export function BedAdmitForm(props: { bedId: string; onDone: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<ResidentRow | null>(null);
  const [type, setType] = useState<'admit' | 'reserve'>('admit');
  const [date, setDate] = useState(today);
  const [saving, setSaving] = useState(false);
  const options = useLiveQuery(
    async () => (await residentRows(db, input, today)).filter((r) => !r.stay),
    [db, input, today],
  );

  async function save() {
    if (!chosen) return;
    errors.clear();
    setSaving(true);
    try {
      await recordMovement(db, writeContext(), {
        residentId: chosen.resident.id,
        type,
        bedId: props.bedId,
        date,
      });
      props.onDone();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('elderly.bed.admitTitle')}
      </Typography>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <Autocomplete
          options={options ?? []}
          filterOptions={(x) => x}
          getOptionLabel={(r) => r.resident.personName}
          isOptionEqualToValue={(a, b) => a.resident.id === b.resident.id}
          value={chosen}
          inputValue={input}
          onInputChange={(_, value) => setInput(value)}
          onChange={(_, value) => setChosen(value)}
          renderInput={(params) => (
            <TextField {...params} label={t('elderly.bed.pickResident')} size="small" />
          )}
          sx={{ width: 260 }}
        />
        <TextField
          select
          label={t('elderly.field.action')}
          value={type}
          onChange={(e) => setType(e.target.value as 'admit' | 'reserve')}
          sx={{ width: 130 }}
        >
          <MenuItem value="admit">{movementLabel(t, 'admit')}</MenuItem>
          <MenuItem value="reserve">{movementLabel(t, 'reserve')}</MenuItem>
        </TextField>
        <DateField
          label={t('elderly.field.date')}
          value={date}
          onChange={setDate}
          path="date"
          errors={errors}
          max={today}
          sx={{ width: 170 }}
        />
        <Button variant="contained" disabled={!chosen || saving} onClick={() => void save()}>
          {movementLabel(t, type)}
        </Button>
      </Stack>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Button
        sx={{ mt: 1 }}
        onClick={() => navigate({ name: 'elderlyResidentNew', bedId: props.bedId })}
        data-testid="admit-new-resident"
      >
        {t('elderly.bed.newResident')}
      </Button>
    </Paper>
  );
}
