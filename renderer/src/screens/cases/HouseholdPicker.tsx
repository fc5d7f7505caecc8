import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { searchHouseholds, type HouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { hukouLabel } from '../common/labels';

/**
 * Chooses the applying household by the head's name or pinyin initials (indexed
 * search, as the registry). Once chosen it shows the household and, given `onClear`, a
 * way to change it (an application being edited keeps its household).
 */
export function HouseholdPicker(props: {
  chosen: HouseholdWithMembers | null | undefined;
  error?: string | undefined;
  onPick: (householdId: string) => void;
  onClear?: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [input, setInput] = useState('');
  const options = useLiveQuery(
    () => (input.trim() ? searchHouseholds(db, input, 20) : Promise.resolve([])),
    [db, input],
  );

  if (props.chosen) {
    const { household, members } = props.chosen;
    return (
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} data-testid="case-household">
        <Typography sx={{ fontWeight: 600 }}>
          {t('registry.household.headOf', { name: household.headName })}
        </Typography>
        <Typography color="text.secondary">
          {[
            household.villageName,
            hukouLabel(t, household.hukouType),
            t('cases.benefit.people', { count: members.length }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {props.onClear && (
          <Button size="small" onClick={props.onClear}>
            {t('cases.form.changeHousehold')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Autocomplete
      options={options ?? []}
      // The repository already searched by name and pinyin; do not filter again.
      filterOptions={(x) => x}
      getOptionLabel={(h) => `${h.headName} · ${h.villageName || h.address || h.areaCode}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={input.trim() ? t('cases.form.householdNone') : t('cases.form.pickHousehold')}
      inputValue={input}
      onInputChange={(_, value) => setInput(value)}
      onChange={(_, value) => value && props.onPick(value.id)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('cases.form.householdSearch')}
          size="small"
          error={Boolean(props.error)}
          helperText={props.error ?? ' '}
        />
      )}
      sx={{ maxWidth: 480 }}
    />
  );
}
