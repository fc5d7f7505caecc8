import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { minutesBetween } from '@shared/domain/community/localTime';
import { serviceTypes } from '@shared/domain/community/serviceRecord';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import { AttachmentsField } from './AttachmentsField';
import { ChipsField } from './ChipsField';
import { hoursLabel, serviceTypeLabel } from './labels';
import { RefPicker } from './RefPicker';
import { usePersonSearch, useVolunteerSearch } from './searchers';
import type { ServiceDraft } from './serviceForm';

/** The fields of a service record, shared by the new-record form and a correction. */
export function ServiceFields(props: {
  draft: ServiceDraft;
  onChange: (patch: Partial<ServiceDraft>) => void;
  errorFor: (path: string) => string | undefined;
  /** Forgets a field's error as it is edited (useFieldErrors().clearField). */
  clearField?: (path: string) => void;
}) {
  const { t } = useT();
  const personSearch = usePersonSearch();
  const volunteerSearch = useVolunteerSearch();
  const { draft, onChange, errorFor } = props;
  const minutes = minutesBetween(draft.startAt, draft.endAt);
  const edit = (patch: Partial<ServiceDraft>) => {
    for (const field of Object.keys(patch)) props.clearField?.(field);
    onChange(patch);
  };
  const text = (field: 'place' | 'notes') => ({
    id: fieldId(field),
    label: t(`community.field.${field}`),
    value: draft[field],
    onChange: (e: { target: { value: string } }) => edit({ [field]: e.target.value }),
    error: Boolean(errorFor(field)),
    helperText: errorFor(field) ?? ' ',
    fullWidth: true,
  });
  const time = (field: 'startAt' | 'endAt') => ({
    type: 'datetime-local',
    id: fieldId(field),
    label: t(`community.field.${field}`),
    value: draft[field],
    onChange: (e: { target: { value: string } }) => edit({ [field]: e.target.value }),
    error: Boolean(errorFor(field)),
    helperText:
      errorFor(field) ??
      (field === 'endAt' && minutes && minutes > 0 ? hoursLabel(t, minutes) : ' '),
    fullWidth: true,
    slotProps: { inputLabel: { shrink: true } },
  });

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField
          select
          id={fieldId('type')}
          label={t('community.field.type')}
          value={draft.type}
          onChange={(e) => edit({ type: e.target.value as ServiceDraft['type'] })}
          helperText={errorFor('type') ?? ' '}
          fullWidth
        >
          {serviceTypes.map((type) => (
            <MenuItem key={type} value={type}>
              {serviceTypeLabel(t, type)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField {...time('startAt')} />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField {...time('endAt')} />
      </Grid>
      <Grid size={12}>
        <TextField {...text('place')} />
      </Grid>
      <Grid size={12}>
        <RefPicker
          label={t('community.field.served')}
          value={draft.served}
          onChange={(served) => edit({ served })}
          search={personSearch}
          error={errorFor('served')}
          helperText={t('community.hint.served')}
          testId="served-picker"
          path="served"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChipsField
          label={t('community.field.staffNames')}
          value={draft.staffNames}
          onChange={(staffNames) => edit({ staffNames })}
          helperText={t('community.hint.staff')}
          error={errorFor('staffNames')}
          path="staffNames"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <RefPicker
          label={t('community.field.volunteers')}
          value={draft.volunteers}
          onChange={(volunteers) => edit({ volunteers })}
          search={volunteerSearch}
          error={errorFor('volunteers')}
          path="volunteers"
        />
      </Grid>
      <Grid size={12}>
        <TextField {...text('notes')} multiline minRows={2} />
      </Grid>
      <Grid size={12}>
        <AttachmentsField
          value={draft.attachments}
          onChange={(attachments) => edit({ attachments })}
          error={errorFor('attachments') ?? errorFor('attachments.0')}
        />
      </Grid>
    </Grid>
  );
}
