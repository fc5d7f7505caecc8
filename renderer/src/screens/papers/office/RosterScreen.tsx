import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { monthOf } from '@shared/calendar/dates';
import { programmes, type Programme } from '@shared/domain/assistanceCase';
import { maskIdForPaper } from '@shared/papers/publicText';
import { rosterRecords } from '../../../db/repositories/papers/officePaperRecords';
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
import { useHeldWhile } from '../useHeldWhile';
import { usePaperOutput } from '../PaperActions';
import { programmeName } from '../paperParts';
import { RosterDocument } from './RosterDocument';

/**
 * 花名册: a programme and a month chosen here (from the 发放 screen's programme and
 * month), the roster as it will print. Printing logs one access entry per case listed.
 */
export function RosterScreen(props: { programme?: Programme; month?: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const [programme, setProgramme] = useState<Programme>(props.programme ?? 'dibao');
  const [month, setMonth] = useState(props.month ?? monthOf(today));
  const paper = useLiveQuery(() => rosterRecords(db, programme, month), [db, programme, month]);
  const title = `${programmeName(t, programme)}${t('print.roster.screen')}`;
  const subjects = paper?.villages.flatMap((v) =>
    v.rows.map((r) => ({ caseId: r.caseId, maskedId: maskIdForPaper(r.headIdNumber) })),
  );
  const output = usePaperOutput({
    paper: 'roster',
    subjects: subjects ? [...new Map(subjects.map((s) => [s.caseId, s])).values()] : null,
    fileName: `${title}-${month}.pdf`,
    note: `${programme} ${month}`,
    errors,
  });
  // What was logged is what prints: held still while the full numbers show.
  const shown = useHeldWhile(output.unmasked, paper);
  const rows = paper?.total.households ?? 0;
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('print.roster.screen')}
        onBack={() => navigate({ name: 'rolls' })}
        actions={output.buttons}
      />
      {output.saved}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          select
          size="small"
          label={t('rolls.programme')}
          value={programme}
          onChange={(e) => setProgramme(e.target.value as Programme)}
          sx={{ minWidth: 220 }}
          slotProps={{ htmlInput: { 'data-testid': 'roster-programme' } }}
        >
          {programmes.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`programme.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <MonthField
          helperSpace={false}
          size="small"
          label={t('rolls.month')}
          value={month}
          onChange={(m) => isWholeMonth(m) && setMonth(m)}
        />
      </Stack>
      {paper && rows === 0 && <Alert severity="info">{t('print.roster.empty')}</Alert>}
      {paper && rows > 0 && (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('print.maskedNote')}
          </Typography>
          <Paper sx={{ p: 4 }}>
            <RosterDocument paper={paper} printedOn={today} fullIds={false} testId="roster" />
          </Paper>
          <PrintOnly
            running={{
              office: paper.officeName,
              // Every page of a roster without an approved roll says so.
              title: `${title}（${month}）${paper.source === 'unapproved' ? ` · ${t('print.roster.unapprovedMark')}` : ''}`,
              date: today,
            }}
          >
            <RosterDocument paper={shown ?? paper} printedOn={today} fullIds={output.unmasked} />
          </PrintOnly>
        </>
      )}
    </Stack>
  );
}
