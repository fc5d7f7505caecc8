import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BenefitSnapshot, Programme } from '@shared/domain/assistanceCase';
import { calculateApplication } from '@shared/programmes/caseEngine';
import { programmeModule } from '@shared/programmes/registry';
import { formatFen } from '@shared/money/fen';
import type { CaseApplicationInput } from '../../db/repositories/cases';
import { listStandards, loadRuleBook } from '../../db/repositories/reference';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { FactList } from '../common/FactList';
import { classificationLabel, partLabel } from '../common/labels';

const classColor = {
  dibao: 'success',
  edge: 'warning',
  above: 'default',
  assets_exceed: 'error',
  no_standard: 'default',
} as const;

/**
 * The benefit computed LIVE with the same function and inputs the save uses
 * (computeCaseBenefit, the standard in force on the application date, the office's
 * rules), so the amount shown is the amount saved. `input` is null while an amount
 * is malformed.
 */
export function BenefitPanel(props: { input: CaseApplicationInput | null; pending?: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const settings = useSession((s) => s.settings);
  const standards = useLiveQuery(() => listStandards(db), [db]);
  const rules = useLiveQuery(() => loadRuleBook(db), [db]);
  const { input } = props;

  let body;
  if (props.pending) body = <Alert severity="info">{props.pending}</Alert>;
  else if (!input) body = <Alert severity="warning">{t('cases.benefit.invalidMoney')}</Alert>;
  else if (!standards || !settings || !rules) body = null;
  else {
    // The programme's calculator with the inputs the save uses (cases.ts benefitFor).
    const snapshot = calculateApplication(input, input.applicationDate, {
      standards,
      settings,
      rules,
    });
    const sample = standards.find((s) => s.id === snapshot.standardId)?.source === 'sample';
    body = <Figures snapshot={snapshot} sample={sample} programme={input.programme} />;
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="benefit-panel">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('cases.benefit.title')}
      </Typography>
      {body}
    </Paper>
  );
}

/** S, N, I, the amount and the classification; also used for a case's saved snapshot. */
export function Figures(props: {
  snapshot: BenefitSnapshot;
  sample?: boolean;
  programme?: Programme;
}) {
  const { t } = useT();
  const s = props.snapshot;
  const programme = props.programme ?? 'dibao';
  const once = programmeModule(programme).payment === 'once';
  const yuan = (fen: number) => `¥${formatFen(fen)}`;
  const gap = Math.max(0, s.standardFen * s.coveredCount - s.countedIncomeFen);
  const noStandard = s.classification === 'no_standard';
  return (
    <Stack spacing={1.5}>
      <FactList
        labelWidth={170}
        items={[
          [t('cases.benefit.standard'), noStandard ? '—' : yuan(s.standardFen)],
          [t('cases.benefit.covered'), t('cases.benefit.people', { count: s.coveredCount })],
          [t('cases.benefit.income'), yuan(s.countedIncomeFen)],
        ]}
      />
      {s.parts.length > 0 && (
        <FactList
          labelWidth={170}
          items={s.parts.map((part) => [partLabel(t, part.code), yuan(part.fen)] as const)}
        />
      )}
      {!noStandard && programme === 'dibao' && (
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {t('cases.benefit.formula', {
            s: formatFen(s.standardFen),
            n: s.coveredCount,
            i: formatFen(s.countedIncomeFen),
            gap: formatFen(gap),
          })}
        </Typography>
      )}
      <Divider />
      <Box>
        <Typography variant="body2" color="text.secondary">
          {programme === 'dibao'
            ? t('cases.benefit.amount')
            : once
              ? t('programme.amountOnce')
              : t('programme.amountMonthly')}
        </Typography>
        <Stack
          direction="row"
          sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5 }}
        >
          <Typography
            variant="h4"
            component="p"
            data-testid="benefit-amount"
            sx={{ fontWeight: 600 }}
          >
            {yuan(s.benefitFen)}
          </Typography>
          <Typography color="text.secondary">
            {once ? t('programme.once') : t('cases.benefit.perMonth')}
          </Typography>
          <Chip
            label={classificationLabel(t, s.classification)}
            color={
              Object.hasOwn(classColor, s.classification)
                ? classColor[s.classification as keyof typeof classColor]
                : 'default'
            }
            data-testid="benefit-classification"
          />
        </Stack>
      </Box>
      {noStandard && (
        <Alert severity="warning">
          {s.coveredCount < 1 ? t('cases.benefit.noCovered') : t('cases.benefit.noStandard')}
        </Alert>
      )}
      {s.classification === 'assets_exceed' && (
        <Alert severity="info">{t('cases.benefit.assetsNote')}</Alert>
      )}
      {props.sample && <Alert severity="info">{t('cases.benefit.sample')}</Alert>}
    </Stack>
  );
}
