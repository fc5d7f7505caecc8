import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useT } from '../../../../i18n/useT';
import type { ProgrammeFieldsProps } from '../../programmeForms';

/**
 * 低保's one fact of its own: whether the household's income is unstable, which makes
 * its reviews six-monthly instead of yearly (shared/dynamics/reviewRule.ts).
 */
export function DibaoFields(props: ProgrammeFieldsProps) {
  const { t } = useT();
  return (
    <>
      <FormControlLabel
        control={
          <Checkbox
            checked={props.facts.incomeUnstable === true}
            onChange={(e) => props.onChange({ incomeUnstable: e.target.checked })}
            slotProps={{ input: { 'aria-describedby': 'income-unstable-hint' } }}
            data-testid="income-unstable"
          />
        }
        label={t('programme.dibao.incomeUnstable')}
      />
      <Typography id="income-unstable-hint" variant="body2" color="text.secondary">
        {t('programme.dibao.incomeUnstableHint')}
      </Typography>
    </>
  );
}
