import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { fingerprintText } from '@shared/package/keys';
import {
  confirmRecoveryKey,
  type StoredRecoveryKey,
} from '../../db/repositories/backup/recoveryKeyStore';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { fieldId } from '../../ui/fieldId';
import { backupErrorText } from './backupText';

/** Which three words the supervisor types back (0-based): first, a middle one, last. */
const checkedAt = [0, 11, 23] as const;

/**
 * 恢复密钥: shown once as 24 numbered characters to write down or print, then three of
 * them typed back; only then does the desk keep the key's public half.
 */
export function RecoveryKeySection(props: { stored: StoredRecoveryKey | null; onSet: () => void }) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const [words, setWords] = useState<string[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState(false);

  const confirm = async () => {
    if (!words) return;
    setError(null);
    try {
      await confirmRecoveryKey(db, writeContext(), words, typed);
      setWords(null);
      setChecking(false);
      setDone(true);
      props.onSet();
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    }
  };
  const errorOf = (at: number) => error?.fieldErrors?.find((e) => e.path === `word${at}`);

  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="backup-key">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('backup.key.title')}
        </Typography>
        {done && <Alert severity="success">{t('backup.key.done')}</Alert>}
        {props.stored && !words && (
          <Typography data-testid="backup-key-set">
            {t('backup.key.set', {
              keyId: fingerprintText(props.stored.keyId.slice(0, 8)),
              by: props.stored.setBy,
              at: props.stored.setAt.slice(0, 10),
            })}
          </Typography>
        )}
        {!props.stored && !words && (
          <>
            <Alert severity="warning">{t('backup.key.missing')}</Alert>
            <Box>
              <Button variant="contained" onClick={() => setWords(newRecoveryWords())}>
                {t('backup.key.start')}
              </Button>
            </Box>
          </>
        )}
        {words && !checking && (
          <>
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
          </>
        )}
        {words && checking && (
          <>
            <Typography>
              {t('backup.key.check', {
                a: checkedAt[0] + 1,
                b: checkedAt[1] + 1,
                c: checkedAt[2] + 1,
              })}
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
              <Button variant="contained" onClick={() => void confirm()}>
                {t('backup.key.confirm')}
              </Button>
              <Button
                onClick={() => {
                  setWords(null);
                  setChecking(false);
                  setTyped({});
                  setError(null);
                }}
              >
                {t('backup.key.cancel')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
