import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import type { WriteContext } from '../../db/writeContext';
import {
  confirmRecoveryKey,
  type StoredRecoveryKey,
} from '../../db/repositories/backup/recoveryKeyStore';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { backupErrorText } from './backupText';

/** Which three words are typed back (0-based): first, a middle one, last. */
const checkedAt = [0, 11, 23] as const;

/**
 * The 24 words of a new recovery key, shown once to write down or print, then three of
 * them typed back; only then does the desk keep the key's public half
 * (`confirmRecoveryKey`). Used at first run and on the backup screen.
 */
export function RecoveryWordsSetup(props: {
  /** Who sets the key (the first administrator at first run; the supervisor later). */
  context: () => WriteContext;
  onSet: (stored: StoredRecoveryKey) => void;
  /** Shown as 取消 while typing back; absent: the words are shown until confirmed. */
  onCancel?: () => void;
}) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const [words] = useState<string[]>(() => newRecoveryWords());
  const [checking, setChecking] = useState(false);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setError(null);
    setBusy(true);
    try {
      props.onSet(await confirmRecoveryKey(db, props.context(), words, typed));
    } catch (thrown) {
      setError(toAppErrorData(thrown));
      setBusy(false);
    }
  };
  const errorOf = (at: number) => error?.fieldErrors?.find((e) => e.path === `word${at}`);

  if (!checking) {
    return (
      <Stack spacing={2}>
        <Typography>{t('backup.key.words')}</Typography>
        <Box
          data-testid="backup-words"
          sx={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 1, maxWidth: 640 }}
        >
          {words.map((word, i) => (
            <Box
              key={i}
              data-testid="backup-word"
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, fontSize: 20 }}
            >
              <Typography component="span" variant="caption" color="text.secondary">
                {i + 1}.{' '}
              </Typography>
              {word}
            </Box>
          ))}
        </Box>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => window.print()}>
            {t('backup.key.print')}
          </Button>
          <Button variant="contained" onClick={() => setChecking(true)}>
            {t('backup.key.written')}
          </Button>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Typography>
        {t('backup.key.check', { a: checkedAt[0] + 1, b: checkedAt[1] + 1, c: checkedAt[2] + 1 })}
      </Typography>
      <Stack direction="row" spacing={2}>
        {checkedAt.map((at) => {
          const problem = errorOf(at);
          return (
            <TextField
              key={at}
              id={fieldId(`word${at}`)}
              label={t('backup.key.wordN', { n: at + 1 })}
              value={typed[at] ?? ''}
              onChange={(e) => setTyped({ ...typed, [at]: e.target.value })}
              error={problem !== undefined}
              helperText={problem ? fieldError(problem) : ' '}
              sx={{ width: 160 }}
            />
          );
        })}
      </Stack>
      {error && !error.fieldErrors?.some((e) => e.path.startsWith('word')) && (
        <Alert severity="error">{backupErrorText(t, error)}</Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={busy} onClick={() => void confirm()}>
          {t('backup.key.confirm')}
        </Button>
        <Button
          onClick={() => {
            // Back to the words (at first run) or out of the setup (the backup screen).
            if (props.onCancel) return props.onCancel();
            setChecking(false);
            setTyped({});
            setError(null);
          }}
        >
          {props.onCancel ? t('backup.key.cancel') : t('backup.key.back')}
        </Button>
      </Stack>
    </Stack>
  );
}
