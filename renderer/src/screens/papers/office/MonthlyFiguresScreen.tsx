import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { monthOf } from '@shared/calendar/dates';
import { officeFigures } from '../../../db/repositories/papers/officePaperRecords';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { isWholeMonth } from '../../common/dateValue';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { MonthField } from '../../common/MonthField';
import { PageHeader } from '../../common/PageHeader';
import { PrintOnly } from '../../common/PrintOnly';
import { usePaperOutput } from '../PaperActions';
import { MonthlyFiguresDocument } from './MonthlyFiguresDocument';

/**
 * 月度统计: the office's figures of a month on A4, the same definitions as the county
 * console's. No person is named, but the output is logged (one entry for the office).
 */
export function MonthlyFiguresScreen(props: { month?: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const [month, setMonth] = useState(props.month ?? monthOf(today));
  const figures = useLiveQuery(() => officeFigures(db, month), [db, month]);
  const title = t('print.figures.screen');
  const output = usePaperOutput({
    paper: 'monthlyFigures',
    subjects: figures
      ? [{ caseId: figures.officeId || 'office', kind: 'office', maskedId: '' }]
      : null,
    fileName: `${title}-${month}.pdf`,
    note: month,
    errors,
  });
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={title}
        onBack={() => navigate({ name: 'rolls' })}
        actions={output.buttons}
      />
      {output.saved}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Stack direction="row" spacing={2}>
        <MonthField
          size="small"
          label={t('rolls.month')}
          value={month}
          onChange={(m) => isWholeMonth(m) && setMonth(m)}
        />
      </Stack>
      {figures && (
        <>
          <Paper sx={{ p: 4 }}>
            <MonthlyFiguresDocument figures={figures} printedOn={today} testId="figures" />
          </Paper>
          <PrintOnly
            running={{ office: figures.officeName, title: `${title}（${month}）`, date: today }}
          >
            <MonthlyFiguresDocument figures={figures} printedOn={today} />
          </PrintOnly>
        </>
      )}
    </Stack>
  );
}
