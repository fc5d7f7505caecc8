import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { workingDaysBetween, type WorkingCalendar } from '@shared/calendar/workingDays';
import { isDecisionPending, isOverdue } from '@shared/workflow/dibaoDeadlines';
import type { AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { FactList } from '../common/FactList';

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
  const c = props.record;
  const overdue = isOverdue(c.status, c.decisionDue, props.today);

  let due: ReactNode = t('cases.case.notStarted');
  if (c.decisionDue) {
    const days = props.calendar
      ? workingDaysBetween(props.today, c.decisionDue, props.calendar)
      : null;
    // Once decided, the limit no longer runs: the date stays, the countdown goes.
    const pending = isDecisionPending(c.status);
    due = (
      <span data-testid="case-deadline">
        {c.decisionDue}
        {pending && days !== null && (
          <Typography
            component="span"
            sx={{ display: 'block', fontWeight: overdue ? 700 : 400 }}
            color={overdue ? 'error' : 'text.secondary'}
            data-testid={overdue ? 'case-overdue' : undefined}
          >
            {overdue
              ? `${t('cases.overdue')} · ${t('cases.case.overdueBy', { days: -days })}`
              : t('cases.case.remaining', { days })}
          </Typography>
        )}
      </span>
    );
  }

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
      <FactList
        labelWidth={100}
        items={[
          [t('cases.case.acceptedOn'), c.acceptedOn ?? '—'],
          [t('cases.case.deadline'), due],
          [t('cases.case.noticeEnd'), c.noticeEnd ?? t('cases.case.noticeNone')],
        ]}
      />
    </Paper>
  );
}
