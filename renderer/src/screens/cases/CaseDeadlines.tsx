import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { WorkingCalendar } from '@shared/calendar/workingDays';
import { moduleOf, noticeEndOf } from '@shared/programmes/caseEngine';
import { decisionClock, type DecisionClock } from '@shared/programmes/decisionClock';
import { defaultDibaoDeadlineSettings, noticeOverFrom } from '@shared/workflow/dibaoDeadlines';
import type { AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { FactList } from '../common/FactList';
import { marksBetween } from '../common/dayMarks';

/**
 * 办结期限 with the working days left (on the office calendar) or how far overdue,
 * and the 公示 end date. The dates were set by the workflow steps themselves.
 */
export function CaseDeadlines(props: {
  record: AssistanceCase;
  today: string;
  calendar: WorkingCalendar | undefined;
}) {
  const { t } = useT();
  const settings = useSession((s) => s.settings) ?? defaultDibaoDeadlineSettings;
  const c = props.record;
  // During the 公示, its last day as the step will judge it (on today's calendar) and the
  // day the case may go on: the same words the workflow panel's button shows.
  // Once the 公示 is past, its stored last day is what happened.
  const noticeEnd =
    props.calendar && c.status === 'public_notice'
      ? noticeEndOf(c, { settings, calendar: props.calendar })
      : c.noticeEnd;
  const notice: ReactNode = noticeEnd ? (
    <span data-testid="case-notice-end">
      {noticeEnd}
      {c.status === 'public_notice' && (
        <Typography component="span" color="text.secondary" sx={{ display: 'block' }}>
          {t('cases.case.availableFrom', { date: noticeOverFrom(noticeEnd) })}
        </Typography>
      )}
    </span>
  ) : (
    t('cases.case.noticeNone')
  );
  const clock: DecisionClock = props.calendar
    ? decisionClock(c, props.today, props.calendar)
    : { state: 'none' };
  const overdue = clock.state === 'overdue';

  let countdown: string | null = null;
  if (clock.state === 'running')
    countdown = t('cases.case.remaining', { days: clock.workingDaysLeft });
  if (clock.state === 'lastDay') countdown = t('cases.case.lastDay');
  if (clock.state === 'overdue') {
    countdown =
      clock.workingDaysOver > 0
        ? `${t('cases.overdue')} · ${t('cases.case.overdueBy', { days: clock.workingDaysOver })}`
        : t('cases.overdue');
  }
  // While the limit runs, the holidays and 调休 days before it (the office calendar).
  const marks =
    countdown && c.decisionDue && !overdue
      ? marksBetween(props.today, c.decisionDue, props.calendar ?? null)
      : null;
  const span = marks
    ? [
        marks.holidays > 0 ? t('dates.span.holidays', { n: marks.holidays }) : null,
        marks.extraWorkdays > 0 ? t('dates.span.extraWorkdays', { n: marks.extraWorkdays }) : null,
      ]
        .filter(Boolean)
        .join(t('dates.span.separator')) || null
    : null;
  // Once decided, the limit no longer runs: the date stays, the countdown goes.
  const due: ReactNode = c.decisionDue ? (
    <span data-testid="case-deadline">
      {c.decisionDue}
      {countdown && (
        <Typography
          component="span"
          sx={{ display: 'block', fontWeight: overdue || clock.state === 'lastDay' ? 700 : 400 }}
          color={overdue ? 'error' : clock.state === 'lastDay' ? 'warning.dark' : 'text.secondary'}
          data-testid={overdue ? 'case-overdue' : `case-deadline-${clock.state}`}
        >
          {countdown}
        </Typography>
      )}
      {span && (
        <Typography
          component="span"
          variant="body2"
          color="error.dark"
          sx={{ display: 'block' }}
          data-testid="case-deadline-holidays"
        >
          {span}
        </Typography>
      )}
    </span>
  ) : (
    t('cases.case.notStarted')
  );

  const rows: [string, ReactNode][] = [
    [t('cases.case.acceptedOn'), c.acceptedOn ?? '—'],
    [t('cases.case.deadline'), due],
  ];
  // A programme without a 公示 (临时救助) has no notice row.
  if (moduleOf(c).hasNotice) rows.push([t('cases.case.noticeEnd'), notice]);
  if (c.decidedOn) rows.push([t('programme.decidedOn'), c.decidedOn]);
  if (c.paymentFrom) rows.push([t('programme.paymentFrom'), c.paymentFrom]);
  if (c.paymentTo) rows.push([t('programme.paymentTo'), c.paymentTo]);

  return (
    <Paper
      variant="outlined"
      sx={{
        p: 2,
        ...(overdue ? { borderColor: 'error.main', bgcolor: 'rgba(211,47,47,0.04)' } : {}),
      }}
    >
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('cases.case.deadlines')}
      </Typography>
      <FactList labelWidth={100} items={rows} />
    </Paper>
  );
}
