import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { successionReasons } from '@shared/dynamics/termination';
import type { AssistanceCase } from '../../db/repositories/cases';
import {
  continueWithSuccessor,
  type SuccessionInput,
} from '../../db/repositories/dynamics/succession';
import { personsOfHousehold } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';

/**
 * 户主变更或死亡: the case is terminated with that reason and a linked successor case
 * opened for the household in the same write; the new case opens when it is saved.
 */
export function SuccessionDialog(props: { record: AssistanceCase; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const { record } = props;
  const [reason, setReason] = useState<SuccessionInput['reason']>('head_changed');
  const [applicantId, setApplicantId] = useState('');
  const [opinion, setOpinion] = useState('');
  const members = useLiveQuery(
    () => personsOfHousehold(db, record.householdId),
    [db, record.householdId],
  );
  const candidates = (members ?? []).filter(
    (p) => p.id !== record.applicantPersonId && record.coveredPersonIds.includes(p.id),
  );

  async function confirm() {
    errors.clear();
    try {
      const { successor } = await continueWithSuccessor(
        db,
        writeContext(),
        record.id,
        record.version,
        { reason, opinion, newApplicantPersonId: applicantId },
      );
      navigate({ name: 'case', id: successor.id });
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('dynamics.succession.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }} data-testid="succession-dialog">
          <Alert severity="warning">{t('dynamics.succession.hint')}</Alert>
          <TextField
            select
            label={t('dynamics.termination.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as SuccessionInput['reason'])}
          >
            {successionReasons.map((code) => (
              <MenuItem key={code} value={code}>
                {t(`dynamics.termination.${code}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="newApplicantPersonId"
            label={t('dynamics.succession.applicant')}
            value={applicantId}
            onChange={(e) => setApplicantId(e.target.value)}
            error={Boolean(errors.errorFor('newApplicantPersonId'))}
            helperText={errors.errorFor('newApplicantPersonId') ?? ' '}
          >
            {candidates.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="opinion"
            label={t('cases.dialog.opinion')}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            error={Boolean(errors.errorFor('opinion'))}
            helperText={errors.errorFor('opinion') ?? ' '}
            multiline
            minRows={2}
          />
          {errors.error && <ErrorSummary error={errors.error} summary={errors.summary} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" color="error" onClick={() => void confirm()}>
          {t('dynamics.succession.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
