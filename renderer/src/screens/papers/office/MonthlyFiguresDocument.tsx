import Box from '@mui/material/Box';
import type { FigureRow } from '@shared/figures/monthlyFigures';
import type { OfficeFigures } from '../../../db/repositories/papers/officePaperRecords';
import { useT } from '../../../i18n/useT';
import { PreparedBy } from './PreparedBy';
import { Sheet, Table, Title, cell, headCell, numCell, programmeName, yuan } from '../paperParts';

const columns = ['programme', 'cases', 'people', 'new', 'stopped', 'paid', 'roll'] as const;

/**
 * 月度统计 of the office: one row per programme with the county console's definitions
 * (shared/figures/monthlyFigures.ts, said under the table), the total, the signature block.
 */
export function MonthlyFiguresDocument(props: {
  figures: OfficeFigures;
  printedOn: string;
  testId?: string;
}) {
  const { t } = useT();
  const f = props.figures;
  const roll = (r: FigureRow) =>
    r.rollStatus === 'none'
      ? t('print.figures.roll.none')
      : r.rollVersion !== null
        ? t('print.figures.rollVersion', {
            status: t(`rolls.status.${r.rollStatus}`),
            n: r.rollVersion,
          })
        : t(`rolls.status.${r.rollStatus}`);
  const total = f.rows.reduce(
    (sum, r) => ({
      cases: sum.cases + r.casesInPayment,
      people: sum.people + r.peopleCovered,
      newCases: sum.newCases + r.newCases,
      stopped: sum.stopped + r.stoppedCases,
      paid: sum.paid + r.paidFen,
    }),
    { cases: 0, people: 0, newCases: 0, stopped: 0, paid: 0 },
  );
  return (
    <Sheet testId={props.testId}>
      <Title>{t('print.figures.title', { office: f.officeName, month: f.month })}</Title>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, mb: 0.5 }}>
        <span>{t('print.figures.office', { office: f.officeName })}</span>
        <span>{t('print.printedOn', { date: props.printedOn })}</span>
      </Box>
      <Table testId={props.testId ? `${props.testId}-table` : undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} style={headCell}>
                {t(`print.figures.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {f.rows.map((r) => (
            <tr key={r.programme} data-testid={`figures-row-${r.programme}`}>
              <td style={cell}>{programmeName(t, r.programme)}</td>
              <td style={numCell}>{r.casesInPayment}</td>
              <td style={numCell}>{r.peopleCovered}</td>
              <td style={numCell}>{r.newCases}</td>
              <td style={numCell}>{r.stoppedCases}</td>
              <td style={numCell}>{yuan(r.paidFen)}</td>
              <td style={cell}>{roll(r)}</td>
            </tr>
          ))}
          <tr data-testid="figures-total">
            <th style={headCell}>{t('print.figures.total')}</th>
            <th style={numCell}>{total.cases}</th>
            <th style={numCell}>{total.people}</th>
            <th style={numCell}>{total.newCases}</th>
            <th style={numCell}>{total.stopped}</th>
            <th style={numCell}>{yuan(total.paid)}</th>
            <th style={cell} />
          </tr>
        </tbody>
      </Table>
      <Box component="p" sx={{ fontSize: 12, my: 1 }}>
        {t('print.figures.definitions')}
      </Box>
      <PreparedBy />
    </Sheet>
  );
}
