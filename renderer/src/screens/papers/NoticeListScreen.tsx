import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { addWorkingDays, buildCalendar } from '@shared/calendar/workingDays';
import { AppError, type FieldError } from '@shared/errors/appError';
import {
  buildNoticeList,
  noticeCasesWithoutVillage,
  villagesOf,
  type NoticeListPaper,
} from '@shared/papers/noticeList';
import { scrubPublicText } from '@shared/papers/publicText';
import { loadCalendar } from '../../db/repositories/reference';
import { isMessageKey } from '../../i18n/translate';
import { isIsoDate } from '@shared/calendar/dates';
import { DateField } from '../common/DateField';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { PrintOnly } from '../common/PrintOnly';
import { NoticeListDocument } from './NoticeListDocument';
import { usePaperOutput } from './PaperActions';
import { noticeRecords } from '../../db/repositories/papers/paperRecords';

/**
 * 公示名单: a village and a period (by default from today for the office's notice
 * length on its calendar), the objection contact typed here, and the list as it will
 * hang on the board. Printing logs one access entry per listed case.
 */
export function NoticeListScreen(props: { village?: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const today = todayDate();
  const data = useLiveQuery(async () => {
    const calendar = await loadCalendar(db).catch(() => buildCalendar([]));
    return { ...(await noticeRecords(db, calendar)), calendar };
  }, [db]);
  const [village, setVillage] = useState(props.village ?? '');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState<string | null>(null);
  const [contact, setContact] = useState('');
  const defaultTo = data ? addWorkingDays(from, data.noticeWorkingDays, data.calendar) : from;
  const periodTo = to ?? defaultTo;

  const built = useMemo((): { paper: NoticeListPaper | null; issues: FieldError[] } => {
    if (!data || village === '') return { paper: null, issues: [] };
    try {
      const paper = buildNoticeList({
        request: { village, from, to: periodTo, objectionContact: contact },
        officeName: data.officeName,
        cases: data.cases,
        households: data.households,
        persons: data.persons,
      });
      return { paper, issues: [] };
    } catch (thrown) {
      if (thrown instanceof AppError) return { paper: null, issues: thrown.fieldErrors };
      throw thrown;
    }
  }, [data, village, from, periodTo, contact]);

  const issueAt = (path: string) => {
    const issue = built.issues.find((i) => i.path === path);
    if (!issue) return undefined;
    return isMessageKey(issue.code) ? t(issue.code, issue.params) : issue.code;
  };
  const output = usePaperOutput({
    paper: 'noticeList',
    subjects:
      built.paper?.rows.map((r) => ({ caseId: r.caseId, maskedId: r.headIdMasked })) ?? null,
    fileName: `${t('papers.notice.screen')}-${scrubPublicText(village)}-${from}.pdf`,
    note: `${scrubPublicText(village)} ${from}~${periodTo}`,
    errors,
  });

  if (!data) return null;
  const villages = villagesOf(data.households);
  const unplaced = noticeCasesWithoutVillage(data.cases, data.households, from, periodTo);
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('papers.notice.screen')}
        onBack={() => navigate({ name: 'cases' })}
        actions={output.buttons}
      />
      {output.saved}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
        >
          <TextField
            select
            label={t('papers.notice.villageLabel')}
            value={villages.includes(village) ? village : ''}
            onChange={(e) => setVillage(e.target.value)}
            sx={{ minWidth: 200 }}
            error={Boolean(issueAt('village'))}
            helperText={
              issueAt('village') ?? (villages.length === 0 ? t('papers.notice.noVillages') : ' ')
            }
            slotProps={{ htmlInput: { 'data-testid': 'notice-village' } }}
          >
            {villages.map((v) => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
          <DateField
            label={t('papers.notice.from')}
            value={from}
            // The end is counted from a whole day: an unfinished one keeps the last.
            onChange={(v) => isIsoDate(v) && setFrom(v)}
            deadline
          />
          <DateField
            label={t('papers.notice.to')}
            value={periodTo}
            onChange={setTo}
            path="to"
            error={issueAt('to')}
            deadline
          />
          <TextField
            label={t('papers.notice.contact')}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            sx={{ minWidth: 320, flexGrow: 1 }}
            error={Boolean(issueAt('objectionContact'))}
            helperText={issueAt('objectionContact') ?? t('papers.notice.contactHelp')}
          />
        </Stack>
      </Paper>
      {unplaced > 0 && (
        <Alert severity="warning" data-testid="notice-unplaced">
          {t('papers.notice.unplaced', { count: unplaced })}
        </Alert>
      )}
      {built.paper && built.paper.rows.length === 0 && (
        <Alert severity="info">{t('papers.notice.empty')}</Alert>
      )}
      {built.paper && built.paper.rows.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('papers.logged')}
          </Typography>
          <Paper sx={{ p: 4 }}>
            <NoticeListDocument paper={built.paper} issuedOn={from} testId="notice-list" />
          </Paper>
          <PrintOnly
            running={{
              office: built.paper.officeName,
              title: t('papers.notice.title', { village: built.paper.village }),
              date: today,
            }}
          >
            <NoticeListDocument paper={built.paper} issuedOn={from} />
          </PrintOnly>
        </>
      )}
    </Stack>
  );
}
