import { memo } from 'react';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import { DateField } from './DateField';
import { sexLabel } from './labels';

type Sex = 'male' | 'female' | '';

/**
 * Sex and birth date of a person form. The ID wins (the person kind's derive): with a
 * valid resident ID (`fromId`) both are shown read-only as the number says, labelled
 * 由身份证号码得出; typed values stand only while there is no valid ID. Two grid cells,
 * rendered again only when a prop changes (memo): pass stable handlers.
 */
export const IdDerivedFields = memo(function IdDerivedFields(props: {
  fromId: { sex: 'male' | 'female'; birthDate: string } | null;
  sex: Sex;
  birthDate: string;
  today: string;
  errorFor: (field: 'sex' | 'birthDate') => string | undefined;
  onSex: (sex: Sex) => void;
  onBirthDate: (date: string) => void;
  size?: 'small' | 'medium';
  /** The error path before 'sex' / 'birthDate' (e.g. 'members.0.'): the fields' ids. */
  pathPrefix?: string;
}) {
  const { t } = useT();
  const { fromId, errorFor } = props;
  const helper = (field: 'sex' | 'birthDate') =>
    errorFor(field) ?? (fromId ? t('registry.member.fromId') : ' ');
  const common = (field: 'sex' | 'birthDate') => ({
    size: props.size ?? 'medium',
    fullWidth: true,
    error: Boolean(errorFor(field)),
    helperText: helper(field),
    ...(props.pathPrefix === undefined ? {} : { id: fieldId(props.pathPrefix + field) }),
  });
  return (
    <>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <TextField
          {...common('sex')}
          select
          label={t('registry.member.sex')}
          value={fromId ? fromId.sex : props.sex}
          slotProps={{ htmlInput: { readOnly: Boolean(fromId) } }}
          onChange={(e) => props.onSex(e.target.value as Sex)}
        >
          <MenuItem value="">{t('registry.choose')}</MenuItem>
          <MenuItem value="male">{sexLabel(t, 'male')}</MenuItem>
          <MenuItem value="female">{sexLabel(t, 'female')}</MenuItem>
        </TextField>
      </Grid>
      <Grid size={{ xs: 6, md: 4, lg: 2 }}>
        <DateField
          size={props.size ?? 'medium'}
          fullWidth
          error={errorFor('birthDate')}
          help={helper('birthDate')}
          label={t('registry.member.birthDate')}
          value={fromId ? fromId.birthDate : props.birthDate}
          onChange={props.onBirthDate}
          max={props.today}
          readOnly={Boolean(fromId)}
          {...(props.pathPrefix === undefined ? {} : { path: props.pathPrefix + 'birthDate' })}
        />
      </Grid>
    </>
  );
});
