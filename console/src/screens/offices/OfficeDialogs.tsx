import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { FieldError } from '@shared/errors/appError';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { addOffice, revokeDesk } from '../../officesApi';

/** A new office: its code and name; HQ's refusal goes next to the field it names. */
export function AddOfficeDialog(props: { onClose: () => void; onDone: (name: string) => void }) {
  const { t, fieldError, appError } = useI18n();
  const [form, setForm] = useState({ id: '', name: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const save = async () => {
    setFields({});
    setBanner(null);
    try {
      await addOffice(form.id, form.name);
      props.onDone(form.name);
    } catch (error) {
      if (!(error instanceof ConsoleApiError)) throw error;
      const byPath = Object.fromEntries(
        (error.data.fieldErrors ?? []).map((f: FieldError) => [f.path, fieldError(f)]),
      );
      setFields(byPath);
      if (Object.keys(byPath).length === 0) setBanner(appError(error.data));
    }
  };
  const field = (name: keyof typeof form, help = ' ') => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(fields[name]),
    helperText: fields[name] ?? help,
  });
  return (
    <Dialog open onClose={props.onClose} aria-label={t('offices.add')}>
      <DialogTitle>{t('offices.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1, width: 360 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          <TextField label={t('offices.code')} {...field('id', t('offices.codeHelp'))} />
          <TextField label={t('offices.name')} {...field('name')} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('offices.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t('offices.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The enrollment code, shown this once (HQ keeps only its hash). */
export function EnrollmentCodeDialog(props: {
  officeName: string;
  code: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open onClose={props.onClose} aria-label={t('offices.enroll')}>
      <DialogTitle>{t('offices.enrollTitle', { office: props.officeName })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ width: 420 }}>
          <Typography
            data-testid="enrollment-code"
            sx={{ fontFamily: 'monospace', fontSize: 32, letterSpacing: 2, textAlign: 'center' }}
          >
            {props.code}
          </Typography>
          <Alert severity="warning">{t('offices.enrollText')}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          {t('offices.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Revoking a desk, after saying what it means. */
export function RevokeDialog(props: {
  desk: { id: string; name: string };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, appError } = useI18n();
  const [banner, setBanner] = useState<string | null>(null);
  const revoke = async () => {
    try {
      await revokeDesk(props.desk.id);
      props.onDone();
    } catch (error) {
      if (!(error instanceof ConsoleApiError)) throw error;
      setBanner(appError(error.data));
    }
  };
  return (
    <Dialog open onClose={props.onClose} aria-label={t('offices.revoke')}>
      <DialogTitle>{t('offices.revokeTitle', { name: props.desk.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ width: 420 }}>
          {banner && <Alert severity="error">{banner}</Alert>}
          <Typography>{t('offices.revokeText')}</Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('offices.cancel')}</Button>
        <Button variant="contained" color="error" onClick={() => void revoke()}>
          {t('offices.revokeConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
