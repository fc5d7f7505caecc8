import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { maskIdNumber } from '@shared/identity/residentId';
import { formatFen } from '@shared/money/fen';
import { maskAccount } from '@shared/rolls/payeeAccount';
import type { PaymentRollData, RollLine, RollUnpaidData } from '@shared/rolls/rollRecord';
import { useT } from '../../i18n/useT';
import { adjustText, problemText } from './rollText';

const headings = [
  'rolls.col.no',
  'rolls.col.village',
  'rolls.col.head',
  'rolls.col.id',
  'rolls.col.covered',
  'rolls.col.category',
  'rolls.col.monthly',
  'rolls.col.adjust',
  'rolls.col.paid',
  'rolls.col.bank',
  'rolls.col.account',
  'rolls.col.note',
] as const;

/**
 * The roll's lines, ID and account numbers masked (first 6 and last 4; last 4), each
 * problem the checks found in red next to its line, with what can be done there.
 */
export function RollLinesTable(props: {
  roll: PaymentRollData;
  unpaid: readonly RollUnpaidData[];
  onAddAccount?: (line: RollLine) => void;
  onMarkUnpaid?: (line: RollLine) => void;
}) {
  const { t } = useT();
  const { roll } = props;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="roll-lines">
        <TableHead>
          <TableRow>
            {headings.map((h) => (
              <TableCell key={h} sx={{ whiteSpace: 'nowrap' }}>
                {t(h)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {roll.lines.map((line, i) => {
            const problems = roll.problems.filter((p) => p.key === line.key);
            const unpaid = props.unpaid.find((u) => u.key === line.key);
            return (
              <TableRow key={line.key} data-testid={`roll-line-${i + 1}`}>
                <TableCell>{i + 1}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{line.village}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{line.headName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap' }}>
                  {maskIdNumber(line.headIdNumber)}
                </TableCell>
                <TableCell align="right">{line.coveredCount}</TableCell>
                <TableCell>
                  <div>{t(`rolls.category.${line.category === 'urban' ? 'urban' : 'rural'}`)}</div>
                  <div>{t(`rolls.kind.${line.kind}`)}</div>
                </TableCell>
                <TableCell align="right">{formatFen(line.monthlyFen)}</TableCell>
                <TableCell align="right" title={adjustText(t, line)}>
                  {line.adjustFen === 0 ? '' : formatFen(line.adjustFen)}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {formatFen(line.paidFen)}
                </TableCell>
                <TableCell sx={{ minWidth: 80 }}>{line.bankName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap' }}>
                  {line.accountNumber && maskAccount(line.accountNumber)}
                </TableCell>
                <TableCell sx={{ minWidth: 160 }}>
                  {line.adjustments.length > 0 && (
                    <Typography variant="body2">{adjustText(t, line)}</Typography>
                  )}
                  {line.kind === 'carried' && (
                    <Typography variant="body2">
                      {line.carriedFrom?.month} {line.note}
                    </Typography>
                  )}
                  {problems.map((p) => (
                    <Typography
                      key={p.code + JSON.stringify(p.params)}
                      variant="body2"
                      color="error"
                      data-testid="roll-problem"
                    >
                      {problemText(t, p)}
                    </Typography>
                  ))}
                  {problems.some((p) => p.code === 'roll.no_account') && props.onAddAccount && (
                    <Button size="small" onClick={() => props.onAddAccount?.(line)}>
                      {t('rolls.account.add')}
                    </Button>
                  )}
                  {unpaid && (
                    <Typography variant="body2" color="warning.main">
                      {t('rolls.unpaid.marked', { reason: unpaid.reason })}
                    </Typography>
                  )}
                  {!unpaid && roll.status === 'approved' && props.onMarkUnpaid && (
                    <Button size="small" onClick={() => props.onMarkUnpaid?.(line)}>
                      {t('rolls.unpaid.mark')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
