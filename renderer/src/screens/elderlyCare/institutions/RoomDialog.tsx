import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { bedTypes, sexRules, type BedType, type SexRule } from '@shared/domain/elderlyCare/enums';
import { addRoomWithBeds } from '../../../db/repositories/elderlyCare/institutions';
import type { Building } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { bedTypeLabel, sexRuleLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';

/**
 * Adds a room and its beds (numbered 1..n, one type and sex rule) in one save; the
 * beds count in figures from their start-of-service date.
 */
export function RoomDialog(props: { building: Building; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const { building } = props;
  const [form, setForm] = useState({
    floor: 1,
    number: '',
    count: '2',
    bedType: 'nursing' as BedType,
    sexRule: 'any' as SexRule,
    inServiceFrom: todayDate(),
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const help = (path: string) => ({
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
    fullWidth: true,
  });

  async function save() {
    errors.clear();
    const count = Math.max(0, Math.min(12, Number(form.count) || 0));
    try {
      await addRoomWithBeds(db, writeContext(), {
        institutionId: building.institutionId,
        buildingId: building.id,
        floor: form.floor,
        number: form.number,
        inServiceFrom: form.inServiceFrom,
        beds: Array.from({ length: count }, (_, i) => ({
          number: String(i + 1),
          bedType: form.bedType,
          sexRule: form.sexRule,
        })),
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('elderly.inst.addRoom')} · {building.name}
      </DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }}>
          <Grid size={4}>
            <TextField
              select
              label={t('elderly.field.floor')}
              value={form.floor}
              onChange={(e) => set({ floor: Number(e.target.value) })}
              {...help('floor')}
            >
              {Array.from({ length: building.floors }, (_, i) => i + 1).map((f) => (
                <MenuItem key={f} value={f}>
                  {t('elderly.floorN', { n: f })}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={4}>
            <TextField
              label={t('elderly.field.room')}
              value={form.number}
              onChange={(e) => set({ number: e.target.value })}
              autoFocus
              {...help('number')}
            />
          </Grid>
          <Grid size={4}>
            <TextField
              type="number"
              label={t('elderly.field.bedCount')}
              value={form.count}
              onChange={(e) => set({ count: e.target.value })}
              slotProps={{ htmlInput: { min: 1, max: 12 } }}
              {...help('beds')}
            />
          </Grid>
          <Grid size={4}>
            <TextField
              select
              label={t('elderly.field.bedType')}
              value={form.bedType}
              onChange={(e) => set({ bedType: e.target.value as BedType })}
              {...help('bedType')}
            >
              {bedTypes.map((b) => (
                <MenuItem key={b} value={b}>
                  {bedTypeLabel(t, b)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={4}>
            <TextField
              select
              label={t('elderly.field.sexRule')}
              value={form.sexRule}
              onChange={(e) => set({ sexRule: e.target.value as SexRule })}
              {...help('sexRule')}
            >
              {sexRules.map((s) => (
                <MenuItem key={s} value={s}>
                  {sexRuleLabel(t, s)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={4}>
            <TextField
              type="date"
              label={t('elderly.field.inServiceFrom')}
              value={form.inServiceFrom}
              onChange={(e) => set({ inServiceFrom: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              {...help('inServiceFrom')}
            />
          </Grid>
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
