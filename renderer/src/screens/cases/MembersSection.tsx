import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import MenuItem from '@mui/material/MenuItem';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { categoryLabel, relationLabel } from '../common/labels';
import type { CaseDraft } from './caseForm';

/** Applicant, urban/rural category and the covered members of the chosen household. */
export function MembersSection(props: {
  data: HouseholdWithMembers;
  draft: CaseDraft;
  errorFor: (path: string) => string | undefined;
  onChange: (patch: Partial<CaseDraft>) => void;
}) {
  const { t } = useT();
  const { data, draft, errorFor } = props;
  const toggle = (id: string, on: boolean) =>
    props.onChange({
      coveredPersonIds: on
        ? [...draft.coveredPersonIds, id]
        : draft.coveredPersonIds.filter((x) => x !== id),
    });
  const coveredError = errorFor('coveredPersonIds');

  return (
    <Grid container columnSpacing={2} rowSpacing={1}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          select
          label={t('cases.form.applicant')}
          value={draft.applicantPersonId}
          onChange={(e) => props.onChange({ applicantPersonId: e.target.value })}
          error={Boolean(errorFor('applicantPersonId'))}
          helperText={errorFor('applicantPersonId') ?? ' '}
          size="small"
          fullWidth
        >
          {data.members.map(({ person, relation }) => (
            <MenuItem key={person.id} value={person.id}>
              {t('cases.form.memberWithRelation', {
                name: person.name,
                relation: relationLabel(t, relation),
              })}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField
          select
          label={t('cases.form.category')}
          value={draft.category}
          onChange={(e) => props.onChange({ category: e.target.value as CaseDraft['category'] })}
          error={Boolean(errorFor('category'))}
          helperText={errorFor('category') ?? ' '}
          size="small"
          fullWidth
        >
          <MenuItem value="rural">{categoryLabel(t, 'rural')}</MenuItem>
          <MenuItem value="urban">{categoryLabel(t, 'urban')}</MenuItem>
        </TextField>
      </Grid>
      <Grid size={12}>
        <FormControl error={Boolean(coveredError)} component="fieldset">
          <FormLabel component="legend">{t('cases.form.covered')}</FormLabel>
          <FormGroup row>
            {data.members.map(({ person, relation }) => (
              <FormControlLabel
                key={person.id}
                control={
                  <Checkbox
                    checked={draft.coveredPersonIds.includes(person.id)}
                    onChange={(e) => toggle(person.id, e.target.checked)}
                  />
                }
                label={t('cases.form.memberWithRelation', {
                  name: person.name,
                  relation: relationLabel(t, relation),
                })}
              />
            ))}
          </FormGroup>
          <FormHelperText>{coveredError ?? ' '}</FormHelperText>
        </FormControl>
      </Grid>
    </Grid>
  );
}
