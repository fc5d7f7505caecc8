import Box from '@mui/material/Box';
import type { RefusalPaper } from '@shared/papers/refusal';
import { useT } from '../../i18n/useT';
import { SignatureLine, Sheet, Title, programmeName } from './paperParts';

/**
 * 不予批准通知书: to the applicant, with the refusing step's opinion as the reasons and
 * the remedy (行政复议 / 行政诉讼, shared/papers/refusal.ts), and a receipt line the
 * applicant signs on the office's copy.
 */
export function RefusalDocument(props: { paper: RefusalPaper; testId?: string }) {
  const { t } = useT();
  const p = props.paper;
  const decider =
    p.decidedBy === 'county'
      ? t('papers.refusal.decider.county')
      : t('papers.refusal.decider.township', { office: p.officeName });
  return (
    <Sheet testId={props.testId}>
      <Title>{t('papers.refusal.title')}</Title>
      <Box sx={{ textAlign: 'right', fontSize: 13 }}>
        {t('papers.refusal.number', { number: p.number })}
      </Box>
      <Box component="p" sx={{ mt: 2, mb: 1 }}>
        {t('papers.refusal.to', { name: p.applicantName })}
      </Box>
      <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
        {t('papers.refusal.body', {
          applicationDate: p.applicationDate,
          programme: programmeName(t, p.programme),
          decider,
        })}
      </Box>
      <Box
        component="p"
        data-testid={props.testId ? `${props.testId}-reasons` : undefined}
        sx={{ textIndent: '2em', my: 1, whiteSpace: 'pre-wrap', fontWeight: 600 }}
      >
        {p.reasons}
      </Box>
      <Box component="p" sx={{ textIndent: '2em', my: 1 }} data-testid="refusal-remedy">
        {t('papers.refusal.remedy', {
          days: p.remedy.reconsiderationDays,
          months: p.remedy.litigationMonths,
        })}
      </Box>
      <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
        {t('papers.refusal.help')}
      </Box>
      <Box
        className="print-keep"
        sx={{ mt: 5, ml: 'auto', width: 'fit-content', textAlign: 'center' }}
      >
        <div>{p.decidedBy === 'county' ? t('papers.refusal.decider.county') : p.officeName}</div>
        <div>{t('papers.sealLine')}</div>
        <div>{p.decidedOn}</div>
      </Box>
      <Box sx={{ mt: 6, borderTop: '1px dashed #000', pt: 1 }}>
        <SignatureLine label={t('papers.refusal.receipt')} date={t('papers.dateLine')} />
      </Box>
    </Sheet>
  );
}
