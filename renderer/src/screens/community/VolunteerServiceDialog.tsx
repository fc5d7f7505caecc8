import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import { actualServiceMinutes, hoursText, maxSpanMinutes } from '@shared/domain/community/hours';
import { parseCount } from '@shared/validation/counts';
import { listActivities } from '../../db/repositories/community/activities';
import {
  correctVolunteerService,
  recordVolunteerService,
  type VolunteerService,
  type VolunteerServiceFields,
} from '../../db/repositories/community/volunteerServices';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';
import { todayDate } from '../common/labels';
import { typedCount } from '../common/typedCount';
import { atTime } from './labels';
import { ReasonField } from './ReasonField';

/** Minutes of travel: none up to the longest span a service may have. */
const travelRange = { min: 0, max: maxSpanMinutes };

type Text = Exclude<keyof VolunteerServiceFields, 'activityId'>;

/**
 * Records a stretch of a volunteer's service, or corrects one (with its reason). The
 * hours of actual service are shown as typed, by the same rule the write path applies:
 * start to end, minus travel.
 */
export function VolunteerServiceDialog(props: {
  volunteer: { id: string; name: string };
  service?: VolunteerService;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const activities = useLiveQuery(() => listActivities(db), [db]);
  const existing = props.service;
  const today = todayDate();
  const [fields, setFields] = useState<VolunteerServiceFields>(() => ({
    activityId: existing?.activityId ?? null,
    content: existing?.content ?? '',
    place: existing?.place ?? '',
    startAt: existing?.startAt ?? atTime(today, '09:00'),
    endAt: existing?.endAt ?? atTime(today, '11:00'),
    travelMinutes: existing?.travelMinutes ?? 0,
  }));
  const [travelText, setTravelText] = useState(String(fields.travelMinutes));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<VolunteerServiceFields>) => setFields((f) => ({ ...f, ...patch }));
  const minutes = actualServiceMinutes(fields);

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const ctx = writeContext();
      const typed = {
        ...fields,
        travelMinutes: typedCount(travelText, travelRange, 'travelMinutes'),
      };
      if (existing) {
        await correctVolunteerService(db, ctx, existing.id, existing.version, typed, reason);
      } else {
        await recordVolunteerService(db, ctx, props.volunteer.id, typed);
      }
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const field = (name: Text, extra: { type?: string; multiline?: boolean } = {}) => (
    <FormTextField
      path={name}
      errors={errors}
      help={name === 'travelMinutes' ? t('community.hint.travel') : ' '}
      label={t(`community.field.${name}`)}
      type={extra.type ?? 'text'}
      multiline={extra.multiline ?? false}
      value={name === 'travelMinutes' ? travelText : fields[name]}
      onChange={(e) => {
        if (name !== 'travelMinutes') return change({ [name]: e.target.value });
        setTravelText(e.target.value);
        const parsed = parseCount(e.target.value, travelRange, 'travelMinutes');
        if (parsed.ok) change({ travelMinutes: parsed.value });
      }}
      fullWidth
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `vs-${name}` } }}
    />
  );

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {t(existing ? 'community.vs.correctTitle' : 'community.vs.recordTitle')} ·{' '}
        {props.volunteer.name}
      </DialogTitle>
      <DialogContent>
        <Grid container spacing={2} sx={{ pt: 1 }} data-testid="volunteer-service-dialog">
          <Grid size={{ xs: 12, md: 6 }}>
            <FormTextField
              path="activityId"
              errors={errors}
              select
              label={t('community.field.activityId')}
              value={fields.activityId ?? ''}
              onChange={(e) => change({ activityId: e.target.value || null })}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              fullWidth
            >
              <MenuItem value="">{t('community.vs.noActivity')}</MenuItem>
              {(activities ?? []).map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  {a.date} · {a.name}
                </MenuItem>
              ))}
            </FormTextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>{field('place')}</Grid>
          <Grid size={12}>{field('content', { multiline: true })}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{field('startAt', { type: 'datetime-local' })}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{field('endAt', { type: 'datetime-local' })}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{field('travelMinutes', { type: 'number' })}</Grid>
          <Grid size={12}>
            <Alert severity="success" variant="outlined" data-testid="vs-actual">
              {t('community.vs.actual', { hours: hoursText(minutes) })}
            </Alert>
          </Grid>
          {existing && (
            <Grid size={12}>
              <ReasonField
                value={reason}
                onChange={setReason}
                error={errors.errorFor('reason')}
                errors={errors}
              />
            </Grid>
          )}
          <Grid size={12}>
            <ErrorSummary error={errors.error} summary={errors.summary} />
          </Grid>
        </Grid>
      </DialogContent>
      <SaveCancelActions
        onCancel={props.onClose}
        onSave={() => void save()}
        saving={saving}
        saveLabel={existing ? t('community.saveCorrection') : t('community.save')}
      />
    </Dialog>
  );
}
