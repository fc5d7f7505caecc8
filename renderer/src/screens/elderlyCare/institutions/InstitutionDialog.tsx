import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { operatorTypes, type OperatorType } from '@shared/domain/elderlyCare/enums';
import {
  createInstitution,
  updateInstitution,
} from '../../../db/repositories/elderlyCare/institutions';
import type { Institution } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { gradeLabel, operatorLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';
import { ReasonField } from '../ReasonField';

/**
 * Registers an institution, or corrects one (`existing`) with a reason that its version
 * history keeps. Errors show next to each field.
 */
export function InstitutionDialog(props: {
  existing?: Institution;
  onClose: (savedId: string | null) => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const e = props.existing;
  const [form, setForm] = useState({
    code: e?.code ?? '',
    name: e?.name ?? '',
    operatorType: e?.operatorType ?? ('public' as OperatorType),
    grade: e?.grade ?? null,
    address: e?.address ?? '',
    phone: e?.phone ?? '',
  });
  const [reason, setReason] = useState('');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const field = (path: keyof typeof form, label: string) => ({
    label,
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
    fullWidth: true,
  });

  async function save() {
    errors.clear();
    try {
      const saved = e
        ? await updateInstitution(db, writeContext(), e.id, e.version, form, reason)
        : await createInstitution(db, writeContext(), form);
      props.onClose(saved.id);
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <DialogTitle>{e ? t('elderly.inst.edit') : t('elderly.inst.new')}</DialogTitle>
      <DialogContent>
        <Grid container columnSpacing={2} sx={{ pt: 1 }}>
          <Grid size={5}>
            <TextField
              {...field('code', t('elderly.field.code'))}
              value={form.code}
              onChange={(ev) => set({ code: ev.target.value })}
              autoFocus
            />
          </Grid>
          <Grid size={7}>
            <TextField
              {...field('name', t('elderly.field.name'))}
              value={form.name}
              onChange={(ev) => set({ name: ev.target.value })}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              {...field('operatorType', t('elderly.field.operator'))}
              select
              value={form.operatorType}
              onChange={(ev) => set({ operatorType: ev.target.value as OperatorType })}
            >
              {operatorTypes.map((o) => (
                <MenuItem key={o} value={o}>
                  {operatorLabel(t, o)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={6}>
            <TextField
              {...field('grade', t('elderly.field.grade'))}
              select
              value={form.grade ?? 0}
              onChange={(ev) => set({ grade: Number(ev.target.value) || null })}
            >
              {[0, 1, 2, 3, 4, 5].map((g) => (
                <MenuItem key={g} value={g}>
                  {gradeLabel(t, g || null)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={8}>
            <TextField
              {...field('address', t('elderly.field.address'))}
              value={form.address}
              onChange={(ev) => set({ address: ev.target.value })}
            />
          </Grid>
          <Grid size={4}>
            <TextField
              {...field('phone', t('elderly.field.phone'))}
              value={form.phone}
              onChange={(ev) => set({ phone: ev.target.value })}
            />
          </Grid>
          {e && (
            <Grid size={12}>
              <ReasonField value={reason} onChange={setReason} error={errors.errorFor('reason')} />
            </Grid>
          )}
        </Grid>
        <ErrorSummary error={errors.error} summary={errors.summary} />
      </DialogContent>
      <SaveCancelActions onCancel={() => props.onClose(null)} onSave={() => void save()} />
    </Dialog>
  );
}
