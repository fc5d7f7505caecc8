import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CoverageView } from '../../db/repositories/medical/coverageView';
import { useT } from '../../i18n/useT';
import { categoryText, periodText } from './labels';

/** The period's changes as the export lists them: new, changed category, ended, with dates. */
export function ChangesList(props: { view: CoverageView }) {
  const { t } = useT();
  const { view } = props;
  return (
    <Table size="small" data-testid="coverage-changes">
      <TableHead>
        <TableRow>
          <TableCell>{t('medical.col.date')}</TableCell>
          <TableCell>{t('medical.col.type')}</TableCell>
          <TableCell>{t('medical.col.name')}</TableCell>
          <TableCell>{t('medical.col.id')}</TableCell>
          <TableCell>{t('medical.col.category')}</TableCell>
          <TableCell>{t('medical.col.period')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {view.changes.map((c) => {
          const person = view.persons[c.personId];
          return (
            <TableRow key={`${c.type}:${c.personId}:${c.date}`} data-testid="change-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.date}</TableCell>
              <TableCell>{t(`medical.change.${c.type}`)}</TableCell>
              <TableCell sx={{ fontWeight: 500 }}>{person?.name ?? c.personId}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{person?.maskedId ?? ''}</TableCell>
              <TableCell>
                {categoryText(t, c.category, view.categories)}
                {c.previousCategory !== null &&
                  ` (${t('medical.previous', {
                    category: categoryText(t, c.previousCategory, view.categories),
                  })})`}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {periodText(t, c.segment.from, c.segment.to)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
