import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import type { NamedRef } from '@shared/domain/community/serviceRecord';
import type { CategoryInfo } from '@shared/medical/categories';
import {
  addCoverage,
  correctCoverage,
  type CoverageFields,
  type CoverageRecord,
} from '../../db/repositories/medical/coverage';
import { useT } from '../../i18n/useT';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { todayDate } from '../common/labels';
import { ReasonField } from '../community/ReasonField';
import { RefPicker } from '../community/RefPicker';
import { usePersonSearch } from '../community/searchers';
import { categoryText } from './labels';
import { DateField } from '../common/DateField';

export type CoverageDialogMode = 'add' | 'correct' | 'end';

/**
 * A hand coverage record: added (person, category, from, to, note), corrected, or ended
 * (its last day). A correction or an end names its reason; the old version is kept.
 * The write path checks it against the person's other coverage and says what clashes.
 */
export function CoverageDialog(props: {
  mode: CoverageDialogMode;
  record?: CoverageRecord;
  categories: readonly CategoryInfo[];
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const personSearch = usePersonSearch();
  const errors = useFieldErrors();
  const existing = props.record;
  const [person, setPerson] = useState<NamedRef[]>([]);
  const [fields, setFields] = useState<CoverageFields>(() => ({
    personId: existing?.personId ?? '',
    category: existing?.category ?? props.categories[0]?.code ?? 'monitored',
    from: existing?.from ?? todayDate(),
    to: props.mode === 'end' ? todayDate() : (existing?.to ?? null),
    note: existing?.note ?? '',
    overlapReason: existing?.overlapReason ?? '',
  }));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<CoverageFields>) => setFields((f) => ({ ...f, ...patch }));

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const ctx = writeContext();
      if (existing) {
        await correctCoverage(db, ctx, existing.id, existing.version, fields, reason);
      } else {
        await addCoverage(db, ctx, { ...fields, personId: person[0]?.id ?? '' });
      }
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const ending = props.mode === 'end';
  const text = (path: 'from' | 'note' | 'overlapReason', label: string, helper?: string) =>
    path === 'from' ? (
      <DateField
        path={path}
        errors={errors}
        label={label}
        value={fields.from}
        onChange={(from) => set({ from })}
        help={helper}
        fullWidth
      />
    ) : (
      <FormTextField
        path={path}
        errors={errors}
        label={label}
        value={fields[path]}
        onChange={(e) => set({ [path]: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        {...(helper ? { help: helper } : {})}
        fullWidth
      />
    );
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t(`medical.dialog.${props.mode}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="coverage-dialog">
          {!existing && (
            <RefPicker
              label={t('medical.field.person')}
              value={person}
              onChange={(value) => setPerson(value.slice(-1))}
              search={personSearch}
              error={errors.errorFor('personId')}
              path="personId"
              helperText={t('medical.hint.person')}
              testId="coverage-person"
            />
          )}
          {!ending && (
            <FormTextField
              select
              path="category"
              errors={errors}
              label={t('medical.field.category')}
              value={fields.category}
              onChange={(e) => set({ category: e.target.value })}
              fullWidth
            >
              {props.categories.map((c) => (
                <MenuItem key={c.code} value={c.code}>
                  {categoryText(t, c.code, props.categories)}
                </MenuItem>
              ))}
            </FormTextField>
          )}
          {!ending && text('from', t('medical.field.from'))}
          <DateField
            path="to"
            errors={errors}
            label={t('medical.field.to')}
            value={fields.to ?? ''}
            onChange={(to) => set({ to: to === '' ? null : to })}
            fullWidth
          />
          {!ending && text('note', t('medical.field.note'))}
          {/* Ending a record a case now overlaps asks for the reason here too. */}
          {(!ending ||
            errors.errorFor('overlapReason') !== undefined ||
            fields.overlapReason !== '') &&
            text(
              'overlapReason',
              t('medical.field.overlapReason'),
              t('medical.hint.overlapReason'),
            )}
          {ending && existing && (
            <Alert severity="info">
              {categoryText(t, existing.category, props.categories)} · {existing.from}
            </Alert>
          )}
          {existing && (
            <ReasonField
              value={reason}
              onChange={setReason}
              error={errors.errorFor('reason')}
              errors={errors}
              label={t(ending ? 'medical.endReason' : 'medical.reason')}
              hint={t('medical.reasonHint')}
            />
          )}
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions
        onCancel={props.onClose}
        onSave={() => void save()}
        saving={saving}
        saveTestId="coverage-save"
        saveLabel={existing ? t('medical.saveCorrection') : t('medical.save')}
      />
    </Dialog>
  );
}
