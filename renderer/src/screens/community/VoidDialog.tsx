import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import {
  voidVolunteerService,
  type VolunteerService,
} from '../../db/repositories/community/volunteerServices';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { ReasonField } from './ReasonField';

/** Voids a volunteer service record entered by mistake: a correction with its reason. */
export function VoidDialog(props: { service: VolunteerService; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  async function confirm() {
    errors.clear();
    setSaving(true);
    try {
      const { id, version } = props.service;
      await voidVolunteerService(db, writeContext(), id, version, reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('community.vs.voidTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <ReasonField
            value={reason}
            onChange={setReason}
            error={errors.errorFor('reason')}
            label={t('community.vs.voidReason')}
            hint={t('community.vs.voidHint')}
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color="warning"
          onClick={() => void confirm()}
          disabled={saving}
        >
          {t('community.vs.void')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
