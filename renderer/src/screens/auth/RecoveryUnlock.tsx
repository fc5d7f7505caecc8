import { Alert, Box, Button, Collapse, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { lazyChunk } from '../../ui/lazyChunk';

/**
 * The words' check and the unwrap (the recovery key's curve, the word list, the package
 * envelope): not part of the login screen's own script (issue #17 item 2). It comes
 * with the session's writes while the password is typed (state/sessionWrites.ts), or
 * when the step is opened.
 */
const recoveryChunk = lazyChunk(() => import('../../db/atRest/recoveryWrap'));

/**
 * 用恢复密钥打开本机数据: on the login screen while the desk's store is locked (a
 * browser, or a PC whose OS key store lost the key) and a password does not open it —
 * an account new to this PC, a password changed elsewhere. The office's 24 recovery
 * words open the store (docs/at-rest.md); the login that follows keeps a wrap for that
 * account's password, so the words are needed once.
 */
export function RecoveryUnlock() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'unavailable' | 'opened'>('idle');
  if (db.atRest.keys && state !== 'opened') return null;

  const unlock = async () => {
    setState('busy');
    let chunk;
    try {
      chunk = await recoveryChunk.load();
    } catch {
      setState('unavailable');
      return;
    }
    setState((await chunk.unlockWithRecoveryText(db, words)) ? 'opened' : 'failed');
  };

  return (
    <Box data-testid="recovery-unlock">
      <Button
        size="small"
        onClick={() => {
          if (!open) recoveryChunk.prefetch();
          setOpen(!open);
        }}
      >
        {t('atRest.recovery.open')}
      </Button>
      <Collapse in={open}>
        <Stack spacing={1.5} sx={{ mt: 1 }}>
          <Alert severity="info">{t('atRest.recovery.intro')}</Alert>
          <TextField
            label={t('atRest.recovery.words')}
            value={words}
            onChange={(e) => setWords(e.target.value)}
            multiline
            minRows={2}
            error={state === 'failed' || state === 'unavailable'}
            helperText={
              state === 'failed'
                ? t('atRest.recovery.failed')
                : state === 'unavailable'
                  ? t('atRest.recovery.unavailable')
                  : ' '
            }
            slotProps={{ htmlInput: { 'data-testid': 'recovery-unlock-words' } }}
          />
          {state === 'opened' ? (
            <Alert severity="success">{t('atRest.recovery.opened')}</Alert>
          ) : (
            <Box>
              <Button
                variant="outlined"
                disabled={state === 'busy' || words.trim() === ''}
                onClick={() => void unlock()}
              >
                {t('atRest.recovery.unlock')}
              </Button>
            </Box>
          )}
        </Stack>
      </Collapse>
    </Box>
  );
}
