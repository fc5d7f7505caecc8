import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { ActivityInput } from '@shared/domain/community/activity';
import {
  correctActivity,
  createActivity,
  type Activity,
} from '../../db/repositories/community/activities';
import type { MessageKey } from '../../i18n/messages';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { DateField } from '../common/DateField';
import { todayDate } from '../common/labels';
import { ReasonField } from './ReasonField';

type Field = keyof ActivityInput;

const labels: Record<Field, MessageKey> = {
  organiser: 'community.field.organiser',
  name: 'community.field.activityName',
  date: 'community.field.date',
  place: 'community.field.place',
  content: 'community.field.activityContent',
};

/** A volunteer activity as its organiser records it (the office by default), or its correction. */
export function ActivityDialog(props: { activity?: Activity; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const officeName = useSession((s) => s.settings?.officeName ?? '');
  const errors = useFieldErrors();
  const existing = props.activity;
  const [fields, setFields] = useState<Required<ActivityInput>>(() => ({
    organiser: existing?.organiser ?? officeName,
    name: existing?.name ?? '',
    date: existing?.date ?? todayDate(),
    place: existing?.place ?? '',
    content: existing?.content ?? '',
  }));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const ctx = writeContext();
      if (existing) await correctActivity(db, ctx, existing.id, existing.version, fields, reason);
      else await createActivity(db, ctx, fields);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t(existing ? 'community.activity.correctTitle' : 'community.activity.createTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="activity-dialog">
          {(Object.keys(labels) as Field[]).map((field) =>
            field === 'date' ? (
              <DateField
                key={field}
                path={field}
                errors={errors}
                label={t(labels[field])}
                value={fields.date}
                onChange={(date) => setFields((f) => ({ ...f, date }))}
                fullWidth
              />
            ) : (
              <FormTextField
                key={field}
                path={field}
                errors={errors}
                label={t(labels[field])}
                multiline={field === 'content'}
                minRows={field === 'content' ? 2 : undefined}
                value={fields[field]}
                onChange={(e) => setFields((f) => ({ ...f, [field]: e.target.value }))}
                slotProps={{ inputLabel: { shrink: true } }}
                fullWidth
              />
            ),
          )}
          {existing && (
            <ReasonField
              value={reason}
              onChange={setReason}
              error={errors.errorFor('reason')}
              errors={errors}
            />
          )}
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions
        onCancel={props.onClose}
        onSave={() => void save()}
        saving={saving}
        saveLabel={existing ? t('community.saveCorrection') : t('common.save')}
      />
    </Dialog>
  );
}
