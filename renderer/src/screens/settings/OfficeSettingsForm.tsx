import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { delegationInForce } from '@shared/domain/delegation';
import { listDelegations } from '../../db/repositories/reference';
import { officeSettingsSchema, type OfficeSettings } from '@shared/domain/settings';
import { AppError, type FieldError } from '@shared/errors/appError';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import { saveSettings } from '../../db/repositories/settings';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { FieldGrid, parseWholeNumber } from './SettingsSection';

const numberFields = [
  'decisionLimitWorkingDays',
  'noticeWorkingDays',
  'idleLockMinutes',
  'minPaymentPercentOfStandard',
  'edgeMultiplierPermille',
  'assetLimitMonthsOfStandard',
] as const;
type NumberField = (typeof numberFields)[number];

const roundings: OfficeSettings['rounding'][] = ['fen', 'yuan_down', 'yuan_nearest', 'yuan_up'];

type Form = Omit<OfficeSettings, NumberField> & Record<NumberField, string>;

function toForm(s: OfficeSettings): Form {
  const form = { ...s } as unknown as Form;
  for (const key of numberFields) form[key] = String(s[key]);
  return form;
}

/**
 * Every problem at once. Text that is not a whole number is named here, because the
 * schema alone would call it 必填; the schema reports the rest (ranges, names).
 */
function formProblems(form: Form): FieldError[] {
  const notNumbers: FieldError[] = numberFields
    .filter((key) => Number.isNaN(parseWholeNumber(form[key])))
    .map((key) => ({
      path: key,
      code: form[key].trim() === '' ? 'field.required' : 'field.invalid_type',
    }));
  const parsed = officeSettingsSchema.safeParse(fromForm(form));
  const rest = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  return [...notNumbers, ...rest.filter((e) => !notNumbers.some((n) => n.path === e.path))];
}

function fromForm(form: Form): OfficeSettings {
  const settings = { ...form } as unknown as OfficeSettings;
  for (const key of numberFields) settings[key] = parseWholeNumber(form[key]);
  return settings;
}

/**
 * Every number of the local rules, editable by a supervisor or administrator: they
 * differ by county, so none is hard-coded. The office code is the sync identity and
 * stays fixed.
 */
export function OfficeSettingsForm({
  settings,
  canEdit,
}: {
  settings: OfficeSettings;
  canEdit: boolean;
}) {
  const { t } = useT();
  const { error: saveError, errorFor, capture, clear, clearField, summary } = useFieldErrors();
  const [form, setForm] = useState(() => toForm(settings));
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    clearField(key);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const problems = formProblems(form);
    if (problems.length > 0) {
      capture(
        new AppError({ code: 'validation', message: 'Office settings', fieldErrors: problems }),
      );
      return;
    }
    setBusy(true);
    try {
      const { db, settings } = useSession.getState();
      const clean = await saveSettings(db, writeContext(), fromForm(form), settings?.version ?? 0);
      useSession.getState().setSettings(clean);
      setForm(toForm(clean));
      setSaved(true);
    } catch (thrown) {
      capture(thrown);
    }
    setBusy(false);
  };

  const text = (key: keyof Form, label: MessageKey, help?: MessageKey, numeric = false) => {
    const error = errorFor(key);
    return (
      <TextField
        id={fieldId(key)}
        label={t(label)}
        name={key}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        error={Boolean(error)}
        helperText={error ?? (help ? t(help) : undefined)}
        disabled={!canEdit}
        slotProps={numeric ? { htmlInput: { inputMode: 'numeric' } } : undefined}
        fullWidth
      />
    );
  };

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2}>
        {!canEdit && <Alert severity="info">{t('settings.office.readOnly')}</Alert>}
        <ErrorSummary error={saveError} summary={summary} />
        <FieldGrid>
          {text('officeName', 'settings.officeName')}
          <TextField
            label={t('settings.officeId')}
            value={useSession.getState().settings?.officeId ?? ''}
            helperText={t('settings.officeIdHelp')}
            disabled
            fullWidth
          />
          {text('areaCode', 'settings.areaCode', undefined, true)}
        </FieldGrid>
        <Typography variant="subtitle2" color="primary">
          {t('settings.office.rules')}
        </Typography>
        <FieldGrid>
          {text(
            'decisionLimitWorkingDays',
            'settings.decisionLimit',
            'settings.decisionLimitHelp',
            true,
          )}
          {text('noticeWorkingDays', 'settings.noticeDays', undefined, true)}
          {text('idleLockMinutes', 'settings.idleLock', undefined, true)}
        </FieldGrid>
        <DelegationLine />
        <Typography variant="subtitle2" color="primary">
          {t('settings.office.benefit')}
        </Typography>
        <FieldGrid>
          {text(
            'minPaymentPercentOfStandard',
            'settings.minPayment',
            'settings.minPaymentHelp',
            true,
          )}
          <TextField
            select
            id={fieldId('rounding')}
            label={t('settings.rounding')}
            value={form.rounding}
            onChange={(e) => set('rounding', e.target.value as OfficeSettings['rounding'])}
            error={Boolean(errorFor('rounding'))}
            helperText={errorFor('rounding')}
            disabled={!canEdit}
            fullWidth
          >
            {roundings.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`settings.rounding.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          {text(
            'edgeMultiplierPermille',
            'settings.edgeMultiplier',
            'settings.edgeMultiplierHelp',
            true,
          )}
          {text(
            'assetLimitMonthsOfStandard',
            'settings.assetLimit',
            'settings.assetLimitHelp',
            true,
          )}
        </FieldGrid>
        {canEdit && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={busy}>
              {t('settings.office.save')}
            </Button>
            {saved && (
              <Typography role="status" color="success.main">
                {t('common.saved')}
              </Typography>
            )}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

/**
 * Whether the county delegated 审核确认 to this office: the county sets it at HQ and it
 * arrives with sync, so it is shown, never edited, here.
 */
function DelegationLine() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const officeId = useSession((s) => s.settings?.officeId ?? '');
  const delegations = useLiveQuery(() => listDelegations(db), [db]) ?? [];
  const delegated = delegationInForce(delegations, officeId, todayDate());
  return (
    <Typography variant="body2" data-testid="delegation-line">
      {t(delegated ? 'settings.delegation.granted' : 'settings.delegation.none')}
    </Typography>
  );
}
