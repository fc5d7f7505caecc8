import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { fingerprintText } from '@shared/package/keys';
import type { StoredRecoveryKey } from '../../db/repositories/backup/recoveryKeyStore';
import { useT } from '../../i18n/useT';
import { writeContext } from '../../state/session';
import { RecoveryWordsSetup } from './RecoveryWordsSetup';

/**
 * 恢复密钥 on the backup screen: which key is set, or (none set, the first run's step
 * skipped) its setup: 24 words shown once, three typed back.
 */
export function RecoveryKeySection(props: { stored: StoredRecoveryKey | null; onSet: () => void }) {
  const { t } = useT();
  const [setting, setSetting] = useState(false);
  const [done, setDone] = useState(false);

  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="backup-key">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('backup.key.title')}
        </Typography>
        {done && <Alert severity="success">{t('backup.key.done')}</Alert>}
        {props.stored && !setting && (
          <Typography data-testid="backup-key-set">
            {t('backup.key.set', {
              keyId: fingerprintText(props.stored.keyId.slice(0, 8)),
              by: props.stored.setBy,
              at: props.stored.setAt.slice(0, 10),
            })}
          </Typography>
        )}
        {!props.stored && !setting && (
          <>
            <Alert severity="warning">{t('backup.key.missing')}</Alert>
            <Box>
              <Button variant="contained" onClick={() => setSetting(true)}>
                {t('backup.key.start')}
              </Button>
            </Box>
          </>
        )}
        {setting && (
          <RecoveryWordsSetup
            context={writeContext}
            onSet={() => {
              setSetting(false);
              setDone(true);
              props.onSet();
            }}
            onCancel={() => setSetting(false)}
          />
        )}
      </Stack>
    </Paper>
  );
}
