import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import { moduleOf } from '@shared/programmes/caseEngine';
import type { AssistanceCase } from '../../db/repositories/cases';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { FactList } from '../common/FactList';
import { caseAreaLabel } from '../common/labels';

/** What was applied for: household, applicant, covered members, income and assets. */
export function CaseFacts(props: {
  record: AssistanceCase;
  household: HouseholdWithMembers | null;
}) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const c = props.record;
  const names = new Map(props.household?.members.map((m) => [m.person.id, m.person.name]) ?? []);
  const yuan = (fen: number) => `¥${formatFen(fen)}`;
  const sections = new Set(moduleOf(c).formSections);

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('cases.case.facts')}
      </Typography>
      <FactList
        labelWidth={130}
        items={[
          [
            t('cases.case.household'),
            props.household ? (
              <Link
                component="button"
                underline="hover"
                onClick={() => navigate({ name: 'household', id: c.householdId })}
              >
                {t('registry.household.headOf', { name: props.household.household.headName })}
                {props.household.household.villageName &&
                  ` · ${props.household.household.villageName}`}
              </Link>
            ) : (
              '—'
            ),
          ],
          [t('cases.form.applicant'), c.applicantName],
          [t('cases.form.category'), caseAreaLabel(t, c.programme, c.category)],
          [t('cases.form.applicationDate'), c.applicationDate],
          [
            t('cases.case.coveredMembers'),
            c.coveredPersonIds.map((id) => names.get(id) ?? '?').join('、'),
          ],
          // Income and assets only where the programme's application asks for them.
          ...(sections.has('income')
            ? ([
                [t('cases.form.wages'), yuan(c.income.wagesFen)],
                [t('cases.form.business'), yuan(c.income.businessFen)],
                [t('cases.form.property'), yuan(c.income.propertyFen)],
                [t('cases.form.transfer'), yuan(c.income.transferFen)],
                [t('cases.form.deductions'), yuan(c.deductionsFen)],
              ] as [string, string][])
            : []),
          ...(sections.has('assets')
            ? ([
                [t('cases.form.deposits'), yuan(c.assets.depositsFen)],
                [t('cases.form.securities'), yuan(c.assets.securitiesFen)],
                [t('cases.form.vehicles'), String(c.assets.vehicles)],
                [t('cases.form.extraHousing'), String(c.assets.extraHousingUnits)],
                [t('cases.form.assetNote'), c.assets.note],
              ] as [string, string][])
            : []),
        ]}
      />
    </Paper>
  );
}
