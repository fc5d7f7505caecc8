import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CoverageView } from '../../db/repositories/medical/coverageView';
import type { CoverageRecord } from '../../db/repositories/medical/coverage';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { categoryText, periodText } from './labels';

export type RecordAction = 'correct' | 'end' | 'history';

/**
 * Who is covered on the chosen day: the winning category, its dates, and where it
 * comes from — the case (opened from here) or a hand record (corrected, ended or its
 * history shown from here). IDs are masked; the full number is only in the export.
 */
export function CoverageList(props: {
  view: CoverageView;
  onRecord: (action: RecordAction, record: CoverageRecord) => void;
}) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const { view } = props;
  return (
    <Table size="small" data-testid="coverage-list">
      <TableHead>
        <TableRow>
          <TableCell>{t('medical.col.name')}</TableCell>
          <TableCell>{t('medical.col.id')}</TableCell>
          <TableCell>{t('medical.col.category')}</TableCell>
          <TableCell>{t('medical.col.period')}</TableCell>
          <TableCell>{t('medical.col.source')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {view.covered.map((s) => {
          const person = view.persons[s.personId];
          const record = s.recordId ? view.manual[s.recordId] : undefined;
          const programme = s.caseId ? (view.casePrograms[s.caseId] ?? '') : '';
          const programmeKey = `medical.programme.${programme}`;
          return (
            <TableRow key={`${s.personId}:${s.from}`} hover data-testid="coverage-row">
              <TableCell sx={{ fontWeight: 500 }}>{person?.name ?? s.personId}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{person?.maskedId ?? ''}</TableCell>
              <TableCell>{categoryText(t, s.category, view.categories)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{periodText(t, s.from, s.to)}</TableCell>
              <TableCell>
                {s.source === 'derived' ? (
                  <Chip
                    size="small"
                    color="primary"
                    variant="outlined"
                    label={t('medical.source.derived', {
                      programme: isMessageKey(programmeKey) ? t(programmeKey) : programme,
                    })}
                  />
                ) : (
                  <Chip size="small" label={t('medical.source.manual')} />
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {s.caseId && (
                  <Button
                    size="small"
                    onClick={() => navigate({ name: 'case', id: s.caseId ?? '' })}
                  >
                    {t('medical.openCase')}
                  </Button>
                )}
                {record &&
                  (['history', 'correct', 'end'] as const).map((action) => (
                    <Button
                      key={action}
                      size="small"
                      onClick={() => props.onRecord(action, record)}
                      data-testid={`coverage-${action}`}
                    >
                      {t(`medical.${action}`)}
                    </Button>
                  ))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
