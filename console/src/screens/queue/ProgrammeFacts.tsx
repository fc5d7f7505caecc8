import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import { yuan } from '../../queueApi';
import { factRows, type FactRow } from './factRows';

/** The programme's own facts of a case (特困's self-care, 临时救助's cause and amounts…). */
export function ProgrammeFacts(props: { programme: string; facts: unknown }) {
  const { t, wordFor } = useI18n();
  /** The words for a key, or the fallback where the dictionary has none. */
  const wordOr = (key: string, fallback: string) => {
    const word = wordFor('', key);
    return word === key ? fallback : word;
  };
  const rows = factRows(props.programme, props.facts);
  if (rows.length === 0)
    return <Typography color="text.secondary">{t('file.factsNone')}</Typography>;
  const shown = (row: FactRow): string => {
    const { value } = row;
    if (value === null || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'fact.yes' : 'fact.no');
    if (typeof value === 'number' && row.path.endsWith('Fen')) return yuan(value);
    return row.valueKey ? wordOr(row.valueKey, String(value)) : String(value);
  };
  return (
    <Table size="small" aria-label={t('file.facts')}>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.path}>
            <TableCell sx={{ width: 220, color: 'text.secondary' }}>
              {wordOr(row.labelKey, row.path)}
            </TableCell>
            <TableCell>{shown(row)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
