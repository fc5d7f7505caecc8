import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { UrbanRural } from '@shared/domain/common';
import { AppError } from '@shared/errors/appError';
import { fenToYuanInput, parseYuan } from '@shared/money/fen';
import { saveStandard, type BenefitStandard } from '../../db/repositories/reference';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useSubmitShortcut } from '../../keyboard/useSubmitShortcut';
import { useSession, writeContext } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { DateField } from '../common/DateField';

interface Form {
  areaCode: string;
  category: UrbanRural;
  effectiveFrom: string;
  effectiveTo: string;
  amount: string;
  note: string;
}

function toForm(existing: BenefitStandard | null, areaCode: string): Form {
  if (!existing) {
    return {
      areaCode,
      category: 'rural',
      effectiveFrom: '',
      effectiveTo: '',
      amount: '',
      note: '',
    };
  }
  return {
    areaCode: existing.areaCode,
    category: existing.category,
    effectiveFrom: existing.effectiveFrom,
    effectiveTo: existing.effectiveTo ?? '',
    amount: fenToYuanInput(existing.amountFen),
    note: existing.note,
  };
}

/**
 * Adds or edits one 低保 standard. The amount is typed in yuan and stored as integer
 * fen; a saved standard becomes source 本地 until HQ publishes its own. Mount it with
 * a `key` per standard so the form starts from that standard.
 */
export function StandardDialog({
  existing,
  onClose,
}: {
  existing: BenefitStandard | null;
  onClose: () => void;
}) {
  const { t } = useT();
  const areaCode = useSession((s) => s.settings?.areaCode ?? '');
  const { error: saveError, errorFor, capture, clear, clearField, summary } = useFieldErrors();
  const [form, setForm] = useState(() => toForm(existing, areaCode));
  const [busy, setBusy] = useState(false);
  const formElement = useSubmitShortcut({ busy });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const amount = parseYuan(form.amount);
    if (!amount.ok || amount.fen < 1) {
      const code = amount.ok ? 'field.too_small' : amount.code;
      capture(
        new AppError({
          code: 'validation',
          message: 'Invalid amount',
          fieldErrors: [{ path: 'amountFen', code, params: { minimum: '0.01' } }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const data = {
        areaCode: form.areaCode.trim(),
        category: form.category,
        effectiveFrom: form.effectiveFrom,
        effectiveTo: form.effectiveTo === '' ? null : form.effectiveTo,
        amountFen: amount.fen,
        source: 'local' as const,
        note: form.note,
      };
      const base = existing ? { id: existing.id, version: existing.version } : undefined;
      await saveStandard(useSession.getState().db, writeContext(), data, base);
      onClose();
    } catch (thrown) {
      capture(thrown);
      setBusy(false);
    }
  };

  const field = (name: keyof Form, label: MessageKey, path: string = name) => {
    const error = errorFor(path);
    const isDate = name === 'effectiveFrom' || name === 'effectiveTo';
    if (isDate)
      return (
        <DateField
          path={path}
          label={t(label)}
          value={form[name]}
          onChange={(value) => {
            clearField(path);
            setForm((f) => ({ ...f, [name]: value }));
          }}
          error={error}
          help={name === 'effectiveTo' ? t('settings.standards.toHelp') : undefined}
          fullWidth
        />
      );
    return (
      <TextField
        id={fieldId(path)}
        label={t(label)}
        name={name}
        value={form[name]}
        onChange={(e) => {
          clearField(path);
          setForm((f) => ({ ...f, [name]: e.target.value }));
        }}
        error={Boolean(error)}
        helperText={error}
        fullWidth
      />
    );
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form ref={formElement} noValidate onSubmit={submit}>
        <DialogTitle>
          {t(existing ? 'settings.standards.dialogEdit' : 'settings.standards.dialogNew')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ErrorSummary error={saveError} summary={summary} />
            <Stack direction="row" spacing={2}>
              {field('areaCode', 'settings.standards.areaCode')}
              <TextField
                select
                id={fieldId('category')}
                label={t('settings.standards.category')}
                value={form.category}
                onChange={(e) => {
                  clearField('category');
                  setForm((f) => ({ ...f, category: e.target.value as UrbanRural }));
                }}
                error={Boolean(errorFor('category'))}
                helperText={errorFor('category')}
                fullWidth
              >
                <MenuItem value="urban">{t('settings.standards.category.urban')}</MenuItem>
                <MenuItem value="rural">{t('settings.standards.category.rural')}</MenuItem>
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              {field('effectiveFrom', 'settings.standards.from')}
              {field('effectiveTo', 'settings.standards.to')}
            </Stack>
            {field('amount', 'settings.standards.amount', 'amountFen')}
            {field('note', 'settings.standards.note')}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
