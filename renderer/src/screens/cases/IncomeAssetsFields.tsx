import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { MoneyField } from '../common/MoneyField';
import { countIssue, moneyPaths, type CaseDraft, type MoneyFieldName } from './caseForm';

const incomeRows: [MoneyFieldName, MessageKey][] = [
  ['wages', 'cases.form.wages'],
  ['business', 'cases.form.business'],
  ['property', 'cases.form.property'],
  ['transfer', 'cases.form.transfer'],
  ['deductions', 'cases.form.deductions'],
];

/** Monthly income by the four types, deductions, and the household's assets. */
export function IncomeAssetsFields(props: {
  draft: CaseDraft;
  errorFor: (path: string) => string | undefined;
  onChange: (patch: Partial<CaseDraft>) => void;
}) {
  const { t, fieldError } = useT();
  const { draft, errorFor, onChange } = props;
  const money = (name: MoneyFieldName, label: MessageKey) => (
    <MoneyField
      label={t(label)}
      value={draft[name]}
      onChange={(text) => onChange({ [name]: text })}
      error={errorFor(moneyPaths[name])}
      testId={`money-${name}`}
    />
  );
  const count = (name: 'vehicles' | 'extraHousing', label: MessageKey, path: string) => {
    const issue = countIssue(draft[name], path);
    const message = issue ? fieldError(issue) : errorFor(path);
    return (
      <TextField
        label={t(label)}
        value={draft[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
        error={Boolean(message)}
        helperText={message ?? ' '}
        size="small"
        fullWidth
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
    );
  };

  return (
    <>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('cases.form.income')}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {t('cases.form.incomeHint')}
        </Typography>
      </Typography>
      <Grid container columnSpacing={2} rowSpacing={1.5}>
        {incomeRows.map(([name, label]) => (
          <Grid key={name} size={{ xs: 12, sm: 6, md: 4 }}>
            {money(name, label)}
          </Grid>
        ))}
      </Grid>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('cases.form.assets')}
      </Typography>
      <Grid container columnSpacing={2} rowSpacing={1.5}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>{money('deposits', 'cases.form.deposits')}</Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>{money('securities', 'cases.form.securities')}</Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          {count('vehicles', 'cases.form.vehicles', 'assets.vehicles')}
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          {count('extraHousing', 'cases.form.extraHousing', 'assets.extraHousingUnits')}
        </Grid>
        <Grid size={12}>
          <TextField
            label={t('cases.form.assetNote')}
            value={draft.assetNote}
            onChange={(e) => onChange({ assetNote: e.target.value })}
            error={Boolean(errorFor('assets.note'))}
            helperText={errorFor('assets.note') ?? ' '}
            size="small"
            fullWidth
            multiline
            minRows={2}
          />
        </Grid>
      </Grid>
    </>
  );
}
