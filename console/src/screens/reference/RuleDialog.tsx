import { useState } from 'react';
import {
  Alert,
  Dialog,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DayField } from '../../dates/DayField';
import { unfinishedDay } from '../../dates/dayValue';
import { useI18n } from '../../i18n/i18n';
import { publishRule, type RuleRow } from '../../referenceApi';
import { ruleValueInput, ruleValueOf, ruleValueText } from './ruleValues';
import { useFormSend } from './useFormSend';
import { PublishActions } from './PublishActions';

/** Publishes one programme rule's value for a period (county-wide or one area). */
export function RuleDialog(props: {
  rule: RuleRow;
  words: string;
  today: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { rule } = props;
  const [form, setForm] = useState({
    value: ruleValueInput(rule),
    areaCode: '',
    effectiveFrom: props.today,
    effectiveTo: '',
    note: '',
  });
  const bounds = {
    min: ruleValueText(t, rule.unit, rule.min),
    max: ruleValueText(t, rule.unit, rule.max),
  };
  const { fields, setFields, banner, busy, send } = useFormSend((f) =>
    f.code === 'rule.out_of_range' ? t('rules.out_of_range', bounds) : null,
  );
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(fields[name]),
    helperText: fields[name] ?? ' ',
    slotProps: { htmlInput: { 'data-field': name }, inputLabel: { shrink: true } },
  });
  const submit = () => {
    const value = ruleValueOf(rule.unit, form.value);
    if (value === null) {
      setFields({ value: t(rule.unit === 'fen' ? 'ref.yuan_format' : 'rules.whole') });
      return;
    }
    if (!form.effectiveFrom) {
      setFields({ effectiveFrom: t('ref.date_required') });
      return;
    }
    const unfinished = (['effectiveFrom', 'effectiveTo'] as const).find(
      (name) => form[name] === unfinishedDay,
    );
    if (unfinished) {
      setFields({ [unfinished]: t('date.unfinished') });
      return;
    }
    void send(async () => {
      await publishRule({
        key: rule.key,
        areaCode: form.areaCode.trim() || null,
        effectiveFrom: form.effectiveFrom,
        effectiveTo: form.effectiveTo || null,
        value,
        note: form.note.trim(),
      });
      props.onDone();
    });
  };
  const title = t('rules.publishTitle', { words: props.words });
  return (
    <Dialog open onClose={props.onClose} aria-label={title}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 420 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          {fields.key && <Alert severity="error">{fields.key}</Alert>}
          <Typography variant="body2" color="text.secondary">
            {rule.key} · {t('rules.bounds')} {bounds.min} — {bounds.max}
          </Typography>
          <TextField
            label={
              rule.unit === 'count'
                ? t('unit.count')
                : t('rules.value.label', { unit: t(`unit.${rule.unit}`) })
            }
            {...field('value')}
          />
          <TextField label={t('rules.area')} {...field('areaCode')} />
          <DayField
            label={t('rules.fromDate')}
            value={form.effectiveFrom}
            onChange={(effectiveFrom) => setForm({ ...form, effectiveFrom })}
            error={fields.effectiveFrom}
            required
          />
          <DayField
            label={t('rules.toDate')}
            value={form.effectiveTo}
            onChange={(effectiveTo) => setForm({ ...form, effectiveTo })}
            error={fields.effectiveTo}
          />
          <TextField label={t('ref.note')} {...field('note')} />
        </Stack>
      </DialogContent>
      <PublishActions busy={busy} onClose={props.onClose} onPublish={submit} />
    </Dialog>
  );
}
