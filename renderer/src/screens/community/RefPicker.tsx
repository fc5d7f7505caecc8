import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { NamedRef } from '@shared/domain/community/serviceRecord';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';

export interface RefOption extends NamedRef {
  /** Shown after the name to tell namesakes apart (masked ID, volunteer number). */
  detail: string;
}

/**
 * Picks registered people (or volunteers) by an indexed search as the user types, the
 * way the registry finds them; the options are never typed in freely, so a record can
 * only name someone who exists. Several may be chosen.
 */
export function RefPicker(props: {
  label: string;
  value: NamedRef[];
  onChange: (value: NamedRef[]) => void;
  search: (query: string) => Promise<RefOption[]>;
  error?: string | undefined;
  helperText?: string;
  testId?: string;
  /** The error path: gives the input fieldId(path) (for ErrorSummary's link and name). */
  path?: string;
}) {
  const { t } = useT();
  const [input, setInput] = useState('');
  const { search } = props;
  const options = useLiveQuery(
    () => (input.trim() ? search(input) : Promise.resolve([])),
    [search, input],
  );
  return (
    <Autocomplete<NamedRef, true>
      multiple
      {...(props.path ? { id: fieldId(props.path) } : {})}
      options={options ?? []}
      value={props.value}
      // The repository already searched by name, ID and pinyin; do not filter again.
      filterOptions={(x) => x}
      getOptionLabel={(o) =>
        'detail' in o && o.detail ? `${o.name} · ${String(o.detail)}` : o.name
      }
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={input.trim() ? t('community.picker.none') : t('community.picker.typeToSearch')}
      inputValue={input}
      onInputChange={(_, value, reason) => reason !== 'reset' && setInput(value)}
      onChange={(_, value) => {
        props.onChange(value.map((v) => ({ id: v.id, name: v.name })));
        setInput('');
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText ?? ' '}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testId },
          }}
        />
      )}
    />
  );
}
