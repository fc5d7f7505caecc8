import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { checkResidentId } from '@shared/identity/residentId';
import { findPersonByIdNumber, type Person } from '../../../db/repositories/persons';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../state/session';
import { IdDerivedFields } from '../../common/IdDerivedFields';
import { hukouLabel } from '../../common/labels';
import { withIdNumber, type NewPersonDraft } from './residentForm';

/**
 * A new person for the registry. The ID number is checked as typed (length, date,
 * check character; sex and birth date read from it, read-only) and looked up at once: someone
 * registered before is offered instead of a duplicate.
 */
export function NewPersonFields(props: {
  person: NewPersonDraft;
  today: string;
  errorFor: (path: string) => string | undefined;
  onChange: (person: NewPersonDraft) => void;
  onUseExisting: (person: Person) => void;
}) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const p = props.person;
  const set = (patch: Partial<NewPersonDraft>) => props.onChange({ ...p, ...patch });
  const check = checkResidentId(p.idNumber, props.today);
  const normalized = check.ok ? check.value.normalized : null;
  const existing = useLiveQuery(
    async () => (normalized ? ((await findPersonByIdNumber(db, normalized)) ?? null) : null),
    [db, normalized],
  );
  const typedOut = p.idNumber.replace(/\s+/g, '').length >= 18;
  const idError =
    (!check.ok && (typedOut || check.error.code === 'id.body') ? fieldError(check.error) : null) ??
    props.errorFor('person.idNumber');
  const field = (path: keyof NewPersonDraft, label: string) => ({
    label,
    error: Boolean(props.errorFor(`person.${path}`)),
    helperText: props.errorFor(`person.${path}`) ?? ' ',
    fullWidth: true,
  });

  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 4, lg: 3 }}>
        <TextField
          {...field('name', t('registry.member.name'))}
          value={p.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 8, lg: 5 }}>
        <TextField
          label={t('registry.member.idNumber')}
          value={p.idNumber}
          onChange={(e) => props.onChange(withIdNumber(p, e.target.value, props.today))}
          error={Boolean(idError || existing)}
          helperText={
            existing ? (
              <>
                {t('registry.id.existing', { name: existing.name })}
                <Button
                  size="small"
                  sx={{ ml: 1, py: 0 }}
                  onClick={() => props.onUseExisting(existing)}
                >
                  {t('elderly.resident.usePerson')}
                </Button>
              </>
            ) : (
              (idError ?? ' ')
            )
          }
          fullWidth
          autoComplete="off"
          slotProps={{ htmlInput: { maxLength: 22, spellCheck: false } }}
        />
      </Grid>
      <IdDerivedFields
        fromId={check.ok ? check.value : null}
        sex={p.sex}
        birthDate={p.birthDate}
        today={props.today}
        errorFor={(f) => props.errorFor(`person.${f}`)}
        onSex={(sex) => set({ sex })}
        onBirthDate={(birthDate) => set({ birthDate })}
      />
      <Grid size={{ xs: 12, md: 4, lg: 3 }}>
        <TextField
          {...field('phone', t('elderly.field.phone'))}
          value={p.phone}
          onChange={(e) => set({ phone: e.target.value })}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4, lg: 3 }}>
        <TextField
          {...field('hukouType', t('registry.form.hukouType'))}
          select
          value={p.hukouType}
          onChange={(e) => set({ hukouType: e.target.value as NewPersonDraft['hukouType'] })}
        >
          <MenuItem value="rural">{hukouLabel(t, 'rural')}</MenuItem>
          <MenuItem value="urban">{hukouLabel(t, 'urban')}</MenuItem>
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 8, lg: 6 }}>
        <TextField
          {...field('currentAddress', t('elderly.field.address'))}
          value={p.currentAddress}
          onChange={(e) => set({ currentAddress: e.target.value })}
        />
      </Grid>
    </Grid>
  );
}
