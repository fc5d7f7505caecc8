import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { maskIdNumber } from '@shared/identity/residentId';
import { residentOfPerson } from '../../../db/repositories/elderlyCare/residents';
import { getPerson, searchPersons, type Person } from '../../../db/repositories/persons';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../state/session';
import { sexLabel } from '../../common/labels';
import { NewPersonFields } from './NewPersonFields';
import type { ResidentDraft } from './residentForm';

/**
 * Who the resident is: a person already in the registry (indexed search by name, ID
 * prefix or pinyin initials), or a new person with the registry's own ID check and
 * duplicate lookup. A person who already is a resident is flagged before saving.
 */
export function PersonChooser(props: {
  draft: ResidentDraft;
  today: string;
  errorFor: (path: string) => string | undefined;
  onChange: (change: (d: ResidentDraft) => ResidentDraft) => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [input, setInput] = useState('');
  const { draft } = props;
  const options = useLiveQuery(
    () => (input.trim() ? searchPersons(db, input, 20) : Promise.resolve([])),
    [db, input],
  );
  const chosenId = draft.existingPersonId;
  const chosen = useLiveQuery(
    async () => (chosenId ? ((await getPerson(db, chosenId)) ?? null) : null),
    [db, chosenId],
  );
  const already = useLiveQuery(
    async () => (chosenId ? ((await residentOfPerson(db, chosenId)) ?? null) : null),
    [db, chosenId],
  );
  const pick = (person: Person | null) =>
    props.onChange((d) => ({ ...d, mode: 'existing', existingPersonId: person?.id ?? null }));

  return (
    <Stack spacing={2}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={draft.mode}
        onChange={(_, mode: ResidentDraft['mode'] | null) =>
          mode && props.onChange((d) => ({ ...d, mode }))
        }
      >
        <ToggleButton value="existing">{t('elderly.resident.choosePerson')}</ToggleButton>
        <ToggleButton value="new">{t('elderly.resident.registerPerson')}</ToggleButton>
      </ToggleButtonGroup>
      {draft.mode === 'existing' ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Autocomplete
            options={options ?? []}
            filterOptions={(x) => x}
            getOptionLabel={(p) => `${p.name} · ${maskIdNumber(p.idNumber)}`}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            value={chosen ?? null}
            inputValue={input}
            onInputChange={(_, value) => setInput(value)}
            onChange={(_, value) => pick(value)}
            noOptionsText={t('elderly.resident.personNone')}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('elderly.resident.personSearch')}
                error={Boolean(props.errorFor('person') || already)}
                helperText={
                  already
                    ? t('elderly.resident.alreadyResident')
                    : (props.errorFor('person') ?? ' ')
                }
              />
            )}
            sx={{ width: 420 }}
          />
          {chosen && (
            <Typography sx={{ pt: 1 }} data-testid="chosen-person">
              {chosen.name} · {sexLabel(t, chosen.sex)} · {chosen.birthDate}
            </Typography>
          )}
        </Stack>
      ) : (
        <NewPersonFields
          person={draft.person}
          today={props.today}
          errorFor={props.errorFor}
          onChange={(person) => props.onChange((d) => ({ ...d, person }))}
          onUseExisting={(p) => {
            setInput('');
            pick(p);
          }}
        />
      )}
      {draft.mode === 'existing' && chosen === null && chosenId && (
        <Button onClick={() => pick(null)}>{t('common.cancel')}</Button>
      )}
    </Stack>
  );
}
