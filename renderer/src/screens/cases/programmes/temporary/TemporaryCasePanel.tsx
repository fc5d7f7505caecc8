import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import { temporaryFactsOf, type TemporaryFacts } from '@shared/programmes/temporary/facts';
import { paperworkState } from '@shared/programmes/temporary/paperwork';
import type { AssistanceCase } from '../../../../db/repositories/cases';
import type { MessageKey } from '../../../../i18n/messages';
import { useT } from '../../../../i18n/useT';
import { FactList } from '../../../common/FactList';

/**
 * A 临时救助 case's own facts on its screen, and after 先行救助 the paperwork's due
 * date — pending, overdue (from the day after it) or done once decided.
 */
export function TemporaryCasePanel(props: { record: AssistanceCase; today: string }) {
  const { t } = useT();
  const c = props.record;
  const facts = temporaryFactsOf(c.programmeFacts);
  const paperwork = paperworkState(c, props.today);
  const yuan = (fen: number) => `¥${formatFen(fen)}`;
  const factRows = (f: TemporaryFacts): [string, ReactNode][] => {
    const rows: [string, ReactNode][] = [
      [t('temporary.kind'), t(`temporary.kind.${f.kind}`)],
      [t('temporary.cause'), t(`temporary.cause.${f.cause}` as MessageKey)],
      [t('temporary.eventDate'), f.eventDate],
      [t('temporary.description'), f.description],
    ];
    if (f.kind === 'expenditure') rows.push([t('temporary.facts.spending'), yuan(f.spendingFen)]);
    rows.push([t('temporary.facts.proposed'), yuan(f.proposedFen)]);
    if (f.medicalCostFen !== null) {
      rows.push([t('temporary.facts.medicalCost'), yuan(f.medicalCostFen)]);
      rows.push([t('temporary.facts.medicalReference'), f.medicalReference || '—']);
    }
    if (f.repeatReason) rows.push([t('temporary.repeatReason'), f.repeatReason]);
    return rows;
  };
  const words = { helpedOn: c.helpedFirstOn ?? '', due: c.paperworkDue ?? '' };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="temporary-case">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('temporary.section')}
      </Typography>
      {paperwork === 'pending' && (
        <Alert severity="info" sx={{ mb: 1.5 }} data-testid="temporary-paperwork">
          {t('temporary.paperworkDue', words)}
        </Alert>
      )}
      {paperwork === 'overdue' && (
        <Alert severity="error" sx={{ mb: 1.5 }} data-testid="temporary-paperwork-overdue">
          {t('temporary.paperworkOverdue', words)}
        </Alert>
      )}
      {paperwork === 'done' && (
        <Alert severity="success" sx={{ mb: 1.5 }} data-testid="temporary-paperwork-done">
          {t('temporary.paperworkDone', words)}
        </Alert>
      )}
      {facts && <FactList labelWidth={130} items={factRows(facts)} />}
    </Paper>
  );
}
