import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ActionOption } from '@shared/workflow/stateMachine';
import { dibaoWorkflow, type DibaoAction } from '@shared/workflow/dibaoWorkflow';
import { describeActions } from '@shared/workflow/stateMachine';
import type { AssistanceCase } from '../../db/repositories/cases';
import { listDelegations } from '../../db/repositories/reference';
import { delegationInForce } from '@shared/domain/delegation';
import { useT } from '../../i18n/useT';
import { useActingRole, useSession } from '../../state/session';
import { actionLabel } from '../common/labels';
import { TransitionDialog } from './TransitionDialog';

/**
 * The steps the logged-in user's role may take on this case now. A step whose guard
 * blocks it (公示 not over, confirmation not delegated) stays visible but disabled,
 * with the reason under it, so the registrar knows why and when.
 */
export function WorkflowPanel(props: { record: AssistanceCase; today: string }) {
  const { t, fieldError } = useT();
  const role = useActingRole();
  const db = useSession((s) => s.db);
  const officeId = useSession((s) => s.settings?.officeId ?? '');
  // Delegation is the county's (reference data from HQ), in force from its date.
  const delegations = useLiveQuery(() => listDelegations(db), [db]) ?? [];
  const delegated = delegationInForce(delegations, officeId, props.today);
  const [chosen, setChosen] = useState<ActionOption<DibaoAction> | null>(null);
  const [done, setDone] = useState<DibaoAction | null>(null);
  const { record } = props;

  const options = role
    ? describeActions(dibaoWorkflow, record.status, role, {
        today: props.today,
        noticeEnd: record.noticeEnd,
        confirmationDelegated: delegated,
      })
    : [];

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
          {options.map((o) => (
            <Stack key={o.action} spacing={0.5}>
              <Button
                variant={o.kind === 'forward' ? 'contained' : 'outlined'}
                color={o.kind === 'forward' ? 'primary' : 'warning'}
                disabled={o.blockedBy !== null}
                onClick={() => setChosen(o)}
                data-testid={`action-${o.action}`}
              >
                {actionLabel(t, o.action)}
              </Button>
              {o.blockedBy && (
                <Typography variant="caption" color="text.secondary">
                  {fieldError(o.blockedBy)}
                  {typeof o.blockedBy.params?.noticeEnd === 'string' &&
                    ` · ${t('cases.case.availableFrom', { date: o.blockedBy.params.noticeEnd })}`}
                </Typography>
              )}
            </Stack>
          ))}
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
