import Box from '@mui/material/Box';
import type { NoticeListPaper } from '@shared/papers/noticeList';
import { useT } from '../../i18n/useT';
import { Sheet, Table, Title, cell, headCell, numCell, paperCategory, yuan } from './paperParts';

/**
 * The 公示 list as posted on the village board: only what shared/papers/noticeList.ts
 * put in its rows (no phone, address, bank account, illness or disability), the period
 * it hangs for and where objections go. A long list runs over pages with its header
 * repeated; the issuer block stays whole.
 */
export function NoticeListDocument(props: {
  paper: NoticeListPaper;
  issuedOn: string;
  testId?: string;
}) {
  const { t } = useT();
  const p = props.paper;
  return (
    <Sheet testId={props.testId}>
      <Title>{t('papers.notice.title', { village: p.village })}</Title>
      <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
        {t('papers.notice.intro')}
      </Box>
      <Table testId={props.testId ? `${props.testId}-table` : undefined}>
        <thead>
          <tr>
            <th style={headCell}>{t('papers.notice.col.seq')}</th>
            <th style={headCell}>{t('papers.notice.col.village')}</th>
            <th style={headCell}>{t('papers.notice.col.head')}</th>
            <th style={headCell}>{t('papers.notice.col.id')}</th>
            <th style={headCell}>{t('papers.notice.col.covered')}</th>
            <th style={headCell}>{t('papers.notice.col.category')}</th>
            <th style={headCell}>{t('papers.notice.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.caseId} data-testid="notice-row">
              <td style={numCell}>{r.seq}</td>
              <td style={cell}>{r.village}</td>
              <td style={cell}>{r.headName}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{r.headIdMasked || '—'}</td>
              <td style={numCell}>{r.coveredCount}</td>
              <td style={cell}>{paperCategory(t, r.programme, r.category)}</td>
              <td style={numCell}>{yuan(r.amountFen)}</td>
            </tr>
          ))}
          <tr>
            <th style={cell} colSpan={4}>
              {t('papers.notice.total', { households: p.rows.length, persons: p.totalCovered })}
            </th>
            <th style={numCell}>{p.totalCovered}</th>
            <th style={cell} />
            <th style={numCell}>{yuan(p.totalFen)}</th>
          </tr>
        </tbody>
      </Table>
      <Box component="p" sx={{ my: 0.5 }} data-testid="notice-period">
        {t('papers.notice.period', { from: p.from, to: p.to })}
      </Box>
      <Box component="p" sx={{ my: 0.5 }} data-testid="notice-objection">
        {t('papers.notice.objection', { contact: p.objectionContact })}
      </Box>
      <Box
        className="print-keep"
        sx={{ mt: 4, ml: 'auto', width: 'fit-content', textAlign: 'center' }}
      >
        <div>{t('papers.notice.issuer', { office: p.officeName })}</div>
        <div>{t('papers.sealLine')}</div>
        <div>{t('papers.notice.issuedOn', { date: props.issuedOn })}</div>
      </Box>
    </Sheet>
  );
}
