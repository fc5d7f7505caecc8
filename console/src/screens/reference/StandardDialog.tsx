import { useState } from 'react';
import {
  Alert,
  Dialog,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { lastDayOfMonth } from '@shared/calendar/dates';
import { useI18n } from '../../i18n/i18n';
import { fenOfYuan, publishStandard } from '../../referenceApi';
import { useFormSend } from './useFormSend';
import { PublishActions } from './PublishActions';

/**
 * Publishes a 低保 standard: area, urban or rural, from which month (to which, if it
 * ends), the monthly amount in yuan (sent as integer fen). Errors show at their fields.
 */
export function StandardDialog(props: {
  areaCode: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    areaCode: props.areaCode,
    category: 'urban',
    fromMonth: '',
    toMonth: '',
    amount: '',
    note: '',
  });
  const { fields, setFields, banner, busy, send } = useFormSend((f) =>
    f.path === 'amountFen' && f.code === 'field.too_small' ? t('std.amount_positive') : null,
  );
  const field = (name: keyof typeof form, path: string = name) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(fields[path]),
    helperText: fields[path] ?? ' ',
    slotProps: { htmlInput: { 'data-field': path } },
  });
  const submit = () => {
    const amountFen = fenOfYuan(form.amount);
    const own: Record<string, string> = {};
    if (amountFen === null) own.amountFen = t('ref.yuan_format');
    if (!form.fromMonth) own.effectiveFrom = t('ref.month_required');
    if (Object.keys(own).length > 0 || amountFen === null) {
      setFields(own);
      return;
    }
    void send(async () => {
      await publishStandard({
        areaCode: form.areaCode.trim(),
        category: form.category as 'urban' | 'rural',
        effectiveFrom: `${form.fromMonth}-01`,
        effectiveTo: form.toMonth ? lastDayOfMonth(form.toMonth) : null,
        amountFen,
        note: form.note.trim(),
      });
      props.onDone();
    });
  };
  const monthProps = { slotProps: { inputLabel: { shrink: true } }, type: 'month' };
  return (
    <Dialog open onClose={props.onClose} aria-label={t('std.publishTitle')}>
      <DialogTitle>{t('std.publishTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 400 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          <TextField
            label={t('ref.area')}
            {...field('areaCode')}
            helperText={fields.areaCode ?? t('ref.areaHelp')}
          />
          <TextField select label={t('std.category')} {...field('category')}>
            <MenuItem value="urban">{t('category.urban')}</MenuItem>
            <MenuItem value="rural">{t('category.rural')}</MenuItem>
          </TextField>
          <TextField
            label={t('std.fromMonth')}
            {...field('fromMonth', 'effectiveFrom')}
            {...monthProps}
          />
          <TextField
            label={t('std.toMonth')}
            {...field('toMonth', 'effectiveTo')}
            {...monthProps}
          />
          <TextField
            label={t('std.amount')}
            {...field('amount', 'amountFen')}
            slotProps={{ htmlInput: { 'data-field': 'amountFen', inputMode: 'decimal' } }}
          />
          <TextField label={t('ref.note')} {...field('note')} />
        </Stack>
      </DialogContent>
      <PublishActions busy={busy} onClose={props.onClose} onPublish={submit} />
    </Dialog>
  );
}
