import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { WorkingCalendar } from '@shared/calendar/workingDays';
import { delegationInForce } from '@shared/domain/delegation';
import { caseActionOptions } from '@shared/programmes/caseEngine';
import { defaultDibaoDeadlineSettings } from '@shared/workflow/dibaoDeadlines';
import type { ActionOption } from '@shared/workflow/stateMachine';
import { stepDateIssue } from '@shared/workflow/stepDates';
import type { AssistanceCase } from '../../db/repositories/cases';
import { listDelegations, loadRuleBook } from '../../db/repositories/reference';
import { useT } from '../../i18n/useT';
import { useActingRole, useSession } from '../../state/session';
import { actionLabel } from '../common/labels';
import { TransitionDialog } from './TransitionDialog';
import { arrangeActions, type ArrangedAction } from './workflowButtons';

/**
 * The steps the logged-in user's role may take on this case now. A step whose guard
 * blocks it (公示 not over, confirmation not delegated) stays visible but disabled, with
 * the reason and the day it becomes possible — read from the same context the step
 * itself is planned with (caseStepContext), so the message and the button agree. The
 * step that moves the case on is the filled button; the steps that close the case come
 * last, apart, and ask first.
 */
export function WorkflowPanel(props: {
  record: AssistanceCase;
  today: string;
  calendar: WorkingCalendar | undefined;
}) {
  const { t, fieldError } = useT();
  const role = useActingRole();
  const db = useSession((s) => s.db);
  const officeId = useSession((s) => s.settings?.officeId ?? '');
  const settings = useSession((s) => s.settings) ?? defaultDibaoDeadlineSettings;
  // Delegation is the county's (reference data from HQ), in force from its date.
  const delegations = useLiveQuery(() => listDelegations(db), [db]) ?? [];
  const delegated = delegationInForce(delegations, officeId, props.today);
  const [chosen, setChosen] = useState<ActionOption<string> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { record, calendar } = props;

  const rules = useLiveQuery(() => loadRuleBook(db), [db]);
  // The case's own programme's steps, judged as the step itself will be (caseActionOptions);
  // none are offered until the calendar and the rules are read.
  const options =
    role && calendar && rules
      ? caseActionOptions(record, role, {
          today: props.today,
          settings,
          calendar,
          rules,
          confirmationDelegated: delegated,
        })
      : [];
  // No step may be dated before the application or an earlier step: all wait for that day.
  const early = options.length > 0 ? stepDateIssue(record, props.today) : null;
  const { steps, closing } = arrangeActions(options);

  const button = ({ option: o, variant, color }: ArrangedAction) => (
    <Stack key={o.action} spacing={0.5}>
      <Button
        variant={variant}
        color={color}
        disabled={o.blockedBy !== null || early !== null}
        onClick={() => setChosen(o)}
        data-testid={`action-${o.action}`}
      >
        {actionLabel(t, o.action)}
      </Button>
      {o.blockedBy && (
        <Typography variant="caption" color="text.secondary" data-testid={`blocked-${o.action}`}>
          {fieldError(o.blockedBy)}
          {typeof o.blockedBy.params?.availableFrom === 'string' &&
            ` · ${t('cases.case.availableFrom', { date: o.blockedBy.params.availableFrom })}`}
        </Typography>
      )}
    </Stack>
  );

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="workflow-panel">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('cases.case.actions')}
      </Typography>
      {options.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('cases.case.noActions')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {early && (
            <Alert severity="warning" data-testid="step-date-issue">
              {fieldError(early)}
            </Alert>
          )}
          {steps.map(button)}
          {closing.length > 0 && (
            <>
              <Divider sx={{ pt: 1 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('cases.case.destructive')}
                </Typography>
              </Divider>
              {closing.map(button)}
            </>
          )}
        </Stack>
      )}
      {chosen && (
        <TransitionDialog
          option={chosen}
          record={record}
          onClose={(ok) => {
            if (ok) setDone(chosen.action);
            setChosen(null);
          }}
        />
      )}
      <Snackbar open={done !== null} autoHideDuration={4000} onClose={() => setDone(null)}>
        <Alert severity="success" variant="filled" onClose={() => setDone(null)}>
          {done && t('cases.dialog.done', { action: actionLabel(t, done) })}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
