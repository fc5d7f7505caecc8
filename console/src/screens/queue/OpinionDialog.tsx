import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';

/**
 * Asks for the county's opinion and sends the decision. The opinion is required: an
 * empty one, or HQ's refusal of it, shows next to the field; other refusals above it.
 */
export function OpinionDialog(props: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  send: (opinion: string) => Promise<void>;
}) {
  const { t, fieldError, appError } = useI18n();
  const [opinion, setOpinion] = useState('');
  const [fieldText, setFieldText] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setFieldText(null);
    setBanner(null);
    if (!opinion.trim()) {
      setFieldText(t('workflow.opinion_required'));
      return;
    }
    setBusy(true);
    try {
      await props.send(opinion.trim());
    } catch (error) {
      if (!(error instanceof ConsoleApiError)) throw error;
      const onOpinion = error.data.fieldErrors?.find((f) => f.path === 'opinion');
      if (onOpinion) setFieldText(fieldError(onOpinion));
      else setBanner(appError(error.data));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={props.onClose} aria-label={props.title} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {banner && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {banner}
          </Alert>
        )}
        <TextField
          label={t('decision.opinion')}
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          error={Boolean(fieldText)}
          helperText={fieldText ?? ' '}
          multiline
          minRows={3}
          fullWidth
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('decision.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          {props.submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
