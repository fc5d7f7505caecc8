import { memo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { findPersonByIdNumber } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useIdBurst } from '../../idCard/useIdBurst';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import type { IdCheck } from './householdForm';

/**
 * The 身份证号码 field of a member row. The number is checked as typed and the problem
 * named under the field (length, date, check character). A valid number is looked up
 * at once, so a person registered before shows here with a button to open them,
 * rather than only as a failed save.
 *
 * A keyboard-wedge card reader's burst (renderer/src/idCard/idBurst.ts) replaces the
 * field with the number read and shows its check at once; its trailing Enter is
 * swallowed so it submits nothing.
 */
export const MemberIdField = memo(function MemberIdField(props: {
  value: string;
  check: IdCheck;
  /** A problem found when saving (duplicate, repeated in this form, ...). */
  saveError: string | undefined;
  /** The input's id (its error path's fieldId), so a failed save can focus it. */
  id?: string;
  onChange: (value: string) => void;
  /** The person whose number this is (a correction): finding them is no duplicate. */
  personId?: string;
}) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [blurred, setBlurred] = useState(false);
  const [fromReader, setFromReader] = useState(false);
  const onKeyDown = useIdBurst((idNumber) => {
    setBlurred(true);
    setFromReader(true);
    props.onChange(idNumber);
  });
  const { result, normalized } = props.check;

  const existing = useLiveQuery(async () => {
    const found = normalized ? await findPersonByIdNumber(db, normalized) : undefined;
    return found && found.id !== props.personId ? found : null;
  }, [db, normalized, props.personId]);

  // While typing, "too short" is noise; a wrong character or a full number is not.
  const typedOut = props.value.replace(/\s+/g, '').length >= 18;
  const liveError =
    !result.ok && (blurred || typedOut || result.error.code === 'id.body')
      ? fieldError(result.error)
      : undefined;
  const warning = result.ok ? result.warnings[0] : undefined;

  let helper: ReactNode = ' ';
  if (liveError) helper = liveError;
  else if (existing) {
    helper = (
      <>
        {t('registry.id.existing', { name: existing.name })}
        <Button
          size="small"
          sx={{ ml: 1, minWidth: 0, py: 0 }}
          onClick={() => navigate({ name: 'person', id: existing.id })}
        >
          {t('registry.id.view')}
        </Button>
      </>
    );
  } else if (props.saveError) helper = props.saveError;
  else if (warning) helper = fieldError(warning);
  else if (fromReader && result.ok) helper = t('idCard.wedge.read');

  return (
    <TextField
      label={t('registry.member.idNumber')}
      {...(props.id ? { id: props.id } : {})}
      value={props.value}
      onChange={(e) => {
        setFromReader(false);
        props.onChange(e.target.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => setBlurred(true)}
      error={Boolean(liveError || existing || props.saveError)}
      helperText={helper}
      size="small"
      fullWidth
      autoComplete="off"
      slotProps={{ htmlInput: { maxLength: 22, spellCheck: false } }}
    />
  );
});
