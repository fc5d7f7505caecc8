import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { homeCareServiceTypes, type HomeCareServiceType } from '@shared/domain/elderlyCare/enums';
import { visitMinutes } from '@shared/domain/elderlyCare/homeCare';
import { maskIdNumber } from '@shared/identity/residentId';
import { correctVisit, recordVisit } from '../../../db/repositories/elderlyCare/homeCare';
import type { HomeCareVisit } from '../../../db/repositories/elderlyCare/tables';
import { searchPersons, type Person } from '../../../db/repositories/persons';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { duration, serviceLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';

/**
 * Records a home-care visit to a registered person, or corrects one (with a reason;
 * the superseded version is kept). The duration follows from start and end.
 */
export function VisitDialog(props: {
  person?: Pick<Person, 'id' | 'name'>;
  existing?: HomeCareVisit;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const e = props.existing;
  const start = `${todayDate()}T09:00`;
  const [person, setPerson] = useState<Pick<Person, 'id' | 'name'> | null>(
    e ? { id: e.personId, name: e.personName } : (props.person ?? null),
  );
  const [input, setInput] = useState('');
  const [form, setForm] = useState({
    serviceType: e?.serviceType ?? ('meals' as HomeCareServiceType),
    staff: e?.staff ?? '',
    startAt: e?.startAt ?? start,
    endAt: e?.endAt ?? `${todayDate()}T10:00`,
    notes: e?.notes ?? '',
  });
  const [reason, setReason] = useState('');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const options = useLiveQuery(
    () => (input.trim() ? searchPersons(db, input, 20) : Promise.resolve([])),
    [db, input],
  );
  const minutes = visitMinutes(form.startAt, form.endAt);

  async function save() {
    errors.clear();
    if (!person) {
      errors.setError({
        code: 'validation',
        message: 'No person.',
        fieldErrors: [{ path: 'personId', code: 'field.required' }],
      });
      return;
    }
    try {
      const data = { ...form, personId: person.id, personName: person.name };
      if (e) await correctVisit(db, writeContext(), e, data, reason);
      else await recordVisit(db, writeContext(), data);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const help = (path: string) => ({
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
    fullWidth: true,
  });
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {e ? t('elderly.homeCare.correctTitle') : t('elderly.homeCare.new')}
      </DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }} data-testid="visit-dialog">
          <Grid size={12}>
            <Autocomplete
              options={options ?? []}
              filterOptions={(x) => x}
              getOptionLabel={(p) =>
                'idNumber' in p ? `${p.name} · ${maskIdNumber(String(p.idNumber))}` : p.name
              }
              isOptionEqualToValue={(a, b) => a.id === b.id}
              value={person}
              disabled={Boolean(e || props.person)}
              inputValue={input}
              onInputChange={(_, value) => setInput(value)}
              onChange={(_, value) => setPerson(value)}
              renderInput={(params) => (
                <TextField {...params} label={t('elderly.field.person')} {...help('personId')} />
              )}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              select
              label={t('elderly.field.service')}
              value={form.serviceType}
              onChange={(ev) => set({ serviceType: ev.target.value as HomeCareServiceType })}
              {...help('serviceType')}
            >
              {homeCareServiceTypes.map((s) => (
                <MenuItem key={s} value={s}>
                  {serviceLabel(t, s)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={6}>
            <TextField
              label={t('elderly.field.staff')}
              value={form.staff}
              onChange={(ev) => set({ staff: ev.target.value })}
              {...help('staff')}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              type="datetime-local"
              label={t('elderly.field.startAt')}
              value={form.startAt}
              onChange={(ev) => set({ startAt: ev.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              {...help('startAt')}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              type="datetime-local"
              label={t('elderly.field.endAt')}
              value={form.endAt}
              onChange={(ev) => set({ endAt: ev.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              {...help('endAt')}
            />
          </Grid>
          {/* On its own row: beside two date-time fields it was too narrow for "1 小时 15 分". */}
          <Grid size={4}>
            <TextField
              label={t('elderly.field.duration')}
              value={minutes !== null && minutes > 0 ? duration(t, minutes) : '—'}
              disabled
              fullWidth
              helperText=" "
            />
          </Grid>
          <Grid size={12}>
            <TextField
              label={t('elderly.field.note')}
              value={form.notes}
              onChange={(ev) => set({ notes: ev.target.value })}
              multiline
              minRows={2}
              {...help('notes')}
            />
          </Grid>
          {e && (
            <Grid size={12}>
              <TextField
                label={t('elderly.contract.correctionReason')}
                value={reason}
                onChange={(ev) => setReason(ev.target.value)}
                {...help('reason')}
              />
            </Grid>
          )}
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
