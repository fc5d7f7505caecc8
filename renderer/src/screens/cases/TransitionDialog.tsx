import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ActionOption } from '@shared/workflow/stateMachine';
import { transitionCase, type AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { actionLabel, statusLabel } from '../common/labels';
import { isDestructive } from './workflowButtons';
import { TerminationReasonField } from '../dynamics/TerminationReasonField';

/** What a step that closes the case does, said before it is confirmed. */
const consequences = {
  withdraw: 'cases.confirm.withdraw',
  deny: 'cases.confirm.deny',
  deny_at_township: 'cases.confirm.deny_at_township',
  terminate: 'cases.confirm.terminate',
} as const;

/**
 * Confirms one workflow step; a step that closes the case says first what that means. A back step (return, re-investigation) asks for its
 * reason (理由), a forward step for the opinion (意见), which some steps require; the
 * state machine checks again when the step is written, and its errors show here.
 */
export function TransitionDialog(props: {
  option: ActionOption<string>;
  record: AssistanceCase;
  onClose: (done: boolean) => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [opinion, setOpinion] = useState('');
  const [reason, setReason] = useState('');
  const [terminationCode, setTerminationCode] = useState('');
  const terminates = props.option.action === 'terminate';
  const [saving, setSaving] = useState(false);
  const { option, record } = props;
  const isBack = option.requiresReason;
  const closes = isDestructive(option);
  const consequence = closes ? consequences[option.action as keyof typeof consequences] : undefined;

  async function confirm() {
    errors.clear();
    setSaving(true);
    try {
      await transitionCase(db, writeContext(), record.id, record.version, {
        action: option.action,
        ...(isBack ? { reason } : { opinion }),
        ...(terminates ? { reason: terminationCode } : {}),
      });
      props.onClose(true);
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const fieldErrorPaths = new Set(['opinion', 'reason']);
  const otherError =
    errors.error && !(errors.error.fieldErrors ?? []).every((e) => fieldErrorPaths.has(e.path));

  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>{actionLabel(t, option.action)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }} data-testid="transition-dialog">
          {consequence && (
            <Alert severity="error" data-testid="transition-consequence">
              {t(consequence)}
            </Alert>
          )}
          <Alert severity={isBack ? 'warning' : 'info'} variant="outlined">
            <strong>
              {t('cases.case.historyLine', {
                from: statusLabel(t, record.status),
                to: statusLabel(t, option.to),
              })}
            </strong>
            <br />
            {isBack ? t('cases.dialog.reasonHint') : t('cases.dialog.opinionHint')}
          </Alert>
          {terminates && (
            <TerminationReasonField
              value={terminationCode}
              onChange={(code) => {
                setTerminationCode(code);
                errors.clearField('reason');
              }}
              error={errors.errorFor('reason')}
            />
          )}
          {isBack ? (
            <TextField
              label={t('cases.dialog.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={Boolean(errors.errorFor('reason'))}
              helperText={errors.errorFor('reason') ?? ' '}
              multiline
              minRows={3}
              autoFocus
              fullWidth
            />
          ) : (
            <TextField
              label={t('cases.dialog.opinion')}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              error={Boolean(errors.errorFor('opinion'))}
              helperText={errors.errorFor('opinion') ?? ' '}
              multiline
              minRows={3}
              autoFocus
              fullWidth
            />
          )}
          {otherError && <ErrorSummary error={errors.error} summary={errors.summary} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color={closes ? 'error' : isBack ? 'warning' : 'primary'}
          onClick={() => void confirm()}
          disabled={saving}
          data-testid="transition-confirm"
        >
          {closes
            ? t('cases.confirm.button', { action: actionLabel(t, option.action) })
            : t('cases.dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
