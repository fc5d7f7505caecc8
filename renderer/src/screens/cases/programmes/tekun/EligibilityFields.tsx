import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { eligibilityBases } from '@shared/programmes/tekun/facts';
import { ageOn } from '@shared/programmes/tekun/eligibility';
import type { TekunApplicantFacts } from '../../../../db/repositories/tekunApplicant';
import { useT } from '../../../../i18n/useT';
import { fieldId } from '../../../../ui/fieldId';
import { disabilityGradeLabel, disabilityTypeLabel } from '../../../common/labels';
import type { TekunDraft } from './tekunDraft';

const at = (p: string) => `programmeFacts.${p}`;

/** 供养条件: the basis (checked against the registry's person) and the three conditions. */
export function EligibilityFields(props: {
  draft: TekunDraft;
  applicant: TekunApplicantFacts | undefined;
  applicationDate: string;
  onChange: (patch: Partial<TekunDraft>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const { t } = useT();
  const { draft, onChange, errorFor } = props;
  const person = props.applicant?.person;
  const basisError = errorFor(at('basis'));
  const check = (name: 'noWorkCapacity' | 'noIncomeSource') => {
    const error = errorFor(at(name));
    return (
      <Stack>
        <FormControlLabel
          control={
            <Checkbox
              id={fieldId(at(name))}
              checked={draft[name]}
              onChange={(e) => onChange({ [name]: e.target.checked })}
            />
          }
          label={t(`tekun.form.${name}`)}
        />
        {error && <FormHelperText error>{error}</FormHelperText>}
      </Stack>
    );
  };
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('tekun.form.eligibility')}
      </Typography>
      <Stack>
        <Typography variant="body2" color="text.secondary">
          {t('tekun.form.basis')}
        </Typography>
        <RadioGroup
          row
          id={fieldId(at('basis'))}
          value={draft.basis}
          onChange={(e) => onChange({ basis: e.target.value as TekunDraft['basis'] })}
        >
          {eligibilityBases.map((b) => (
            <FormControlLabel key={b} value={b} control={<Radio />} label={t(`tekun.basis.${b}`)} />
          ))}
        </RadioGroup>
        {person && (
          <Typography variant="body2" color="text.secondary" data-testid="tekun-person-facts">
            {t('tekun.form.personFacts', {
              age: ageOn(person.birthDate, props.applicationDate),
              disability:
                person.disabilityGrade > 0 && person.disabilityType
                  ? `${disabilityTypeLabel(t, person.disabilityType)}${disabilityGradeLabel(t, person.disabilityGrade)}`
                  : disabilityGradeLabel(t, 0),
            })}
          </Typography>
        )}
        {basisError && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="tekun-basis-error">
            {basisError}
          </Alert>
        )}
      </Stack>
      {check('noWorkCapacity')}
      {check('noIncomeSource')}
      <Stack>
        <Typography variant="body2" color="text.secondary">
          {t('tekun.form.supporter')}
        </Typography>
        <RadioGroup
          row
          value={draft.supporterStatus}
          onChange={(e) =>
            onChange({ supporterStatus: e.target.value as TekunDraft['supporterStatus'] })
          }
        >
          {(['none', 'unable'] as const).map((s) => (
            <FormControlLabel
              key={s}
              value={s}
              control={<Radio />}
              label={t(`tekun.supporter.${s}`)}
            />
          ))}
        </RadioGroup>
        {draft.supporterStatus === 'unable' && (
          <TextField
            id={fieldId(at('supporter.note'))}
            label={t('tekun.form.supporterNote')}
            value={draft.supporterNote}
            onChange={(e) => onChange({ supporterNote: e.target.value })}
            error={Boolean(errorFor(at('supporter.note')))}
            helperText={errorFor(at('supporter.note')) ?? ' '}
            size="small"
            fullWidth
          />
        )}
      </Stack>
    </Stack>
  );
}
