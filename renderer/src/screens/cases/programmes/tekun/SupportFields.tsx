import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TekunResidentPlace } from '../../../../db/repositories/tekunApplicant';
import { useT } from '../../../../i18n/useT';
import { fieldId } from '../../../../ui/fieldId';
import type { TekunDraft } from './tekunDraft';
import { DateField } from '../../../common/DateField';

const at = (p: string) => `programmeFacts.support.${p}`;

/**
 * 供养方式: 集中供养 shows the applicant's own resident record and where they stay (read
 * from elderly care, never typed); 分散供养 asks for the carer and the care agreement.
 */
export function SupportFields(props: {
  draft: TekunDraft;
  resident: TekunResidentPlace | null | undefined;
  today: string;
  onChange: (patch: Partial<TekunDraft>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const { t } = useT();
  const { draft, resident, onChange, errorFor } = props;
  const text = (name: 'carerName' | 'carerPhone', inputMode?: 'tel') => (
    <TextField
      id={fieldId(at(name))}
      label={t(`tekun.form.${name}`)}
      value={draft[name]}
      onChange={(e) => onChange({ [name]: e.target.value })}
      error={Boolean(errorFor(at(name)))}
      helperText={errorFor(at(name)) ?? ' '}
      size="small"
      fullWidth
      {...(inputMode ? { slotProps: { htmlInput: { inputMode } } } : {})}
    />
  );
  const place = resident
    ? t('tekun.form.place', {
        institution: resident.institution,
        building: resident.building,
        room: resident.room,
        bed: resident.bed,
      })
    : '';
  const residentError = errorFor(at('residentId'));
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('tekun.form.support')}
      </Typography>
      <RadioGroup
        row
        value={draft.supportForm}
        onChange={(e) => onChange({ supportForm: e.target.value as TekunDraft['supportForm'] })}
      >
        {(['home', 'institution'] as const).map((f) => (
          <FormControlLabel key={f} value={f} control={<Radio />} label={t(`tekun.support.${f}`)} />
        ))}
      </RadioGroup>
      {draft.supportForm === 'institution' ? (
        <Stack spacing={1} id={fieldId(at('residentId'))} data-testid="tekun-resident">
          {resident === null && (
            <Alert severity={residentError ? 'error' : 'warning'}>
              {t('tekun.form.noResident')}
            </Alert>
          )}
          {resident && resident.staying && (
            <Alert severity="success">{t('tekun.form.staying', { place })}</Alert>
          )}
          {resident && !resident.staying && (
            <Alert severity={residentError ? 'error' : 'warning'}>
              {t('tekun.form.notStaying', { place: place || '—' })}
            </Alert>
          )}
          {/* What the save or HQ said beyond what is shown above. */}
          {residentError && resident?.staying && <Alert severity="error">{residentError}</Alert>}
        </Stack>
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>{text('carerName')}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{text('carerPhone', 'tel')}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateField
              path={at('agreementDate')}
              label={t('tekun.form.agreementDate')}
              value={draft.agreementDate}
              onChange={(agreementDate) => onChange({ agreementDate })}
              error={errorFor(at('agreementDate'))}
              max={props.today}
              size="small"
              fullWidth
            />
          </Grid>
        </Grid>
      )}
    </Stack>
  );
}
