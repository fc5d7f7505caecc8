import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { BackupSchedule } from '@shared/backup/schedule';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { loadBackupSchedule, saveBackupSchedule } from '../../db/repositories/backup/scheduleStore';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { getDeskApi, isDesktop } from '../../platform/deskApi';
import { useSession, writeContext } from '../../state/session';
import { backupErrorText } from './backupText';
import { useScheduledBackup } from './useBackupScheduler';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** 定时备份: daily / weekly at a time, or off; the folder (desktop) and how many to keep. */
export function ScheduleSection() {
  const db = useSession((s) => s.db);
  const stored = useLiveQuery(() => loadBackupSchedule(db), [db]);
  return stored ? <ScheduleForm initial={stored} /> : null;
}

function ScheduleForm(props: { initial: BackupSchedule }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [draft, setDraft] = useState<BackupSchedule>(props.initial);
  const [keepText, setKeepText] = useState(String(props.initial.keep));
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const failed = useScheduledBackup((s) => s.error);
  const desktop = isDesktop();

  useEffect(() => {
    if (desktop)
      void getDeskApi()
        .backupFolder()
        .then((status) => setFolder(status.folder));
  }, [desktop]);

  const fieldError = (path: string) => {
    const found = error?.fieldErrors?.find((e) => e.path === path);
    return found && isMessageKey(found.code) ? t(found.code, found.params) : undefined;
  };
  const chooseFolder = async () => {
    setError(null);
    try {
      setFolder((await getDeskApi().chooseBackupFolder()).folder);
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    }
  };
  const save = async () => {
    setError(null);
    setSaved(false);
    const keep = /^\d+$/.test(keepText.trim()) ? Number(keepText.trim()) : Number.NaN;
    try {
      if (desktop && draft.frequency !== 'off' && !folder) {
        setError({
          code: 'validation',
          message: 'no folder',
          fieldErrors: [{ path: 'backupFolder', code: 'backup.schedule.needFolder' }],
        });
        return;
      }
      setDraft(await saveBackupSchedule(db, writeContext(), { ...draft, keep }));
      setSaved(true);
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    }
  };
  const folderError = fieldError('backupFolder');

  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="backup-schedule">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('backup.schedule.title')}
        </Typography>
        <Typography color="text.secondary">
          {t(desktop ? 'backup.schedule.intro.desktop' : 'backup.schedule.intro.web')}
        </Typography>
        {desktop && (
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography data-testid="backup-schedule-folder">
              {folder ? t('backup.schedule.folder', { folder }) : t('backup.schedule.folder.none')}
            </Typography>
            <Button variant="outlined" onClick={chooseFolder}>
              {t('backup.schedule.folder.choose')}
            </Button>
            {folderError && (
              <Typography color="error" variant="body2">
                {folderError}
              </Typography>
            )}
          </Box>
        )}
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            select
            label={t('backup.schedule.frequency')}
            value={draft.frequency}
            onChange={(e) =>
              setDraft({ ...draft, frequency: e.target.value as BackupSchedule['frequency'] })
            }
            sx={{ minWidth: 160 }}
            slotProps={{ htmlInput: { 'data-testid': 'backup-schedule-frequency' } }}
          >
            <MenuItem value="off">{t('backup.schedule.off')}</MenuItem>
            <MenuItem value="daily">{t('backup.schedule.daily')}</MenuItem>
            <MenuItem value="weekly">{t('backup.schedule.weekly')}</MenuItem>
          </TextField>
          {draft.frequency === 'weekly' && (
            <TextField
              select
              label={t('backup.schedule.weekday')}
              value={draft.weekday}
              onChange={(e) => setDraft({ ...draft, weekday: Number(e.target.value) })}
              sx={{ minWidth: 120 }}
            >
              {weekdays.map((day) => (
                <MenuItem key={day} value={day}>
                  {t(`backup.schedule.weekday.${day}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {draft.frequency !== 'off' && (
            <TextField
              type="time"
              label={t('backup.schedule.time')}
              value={draft.time}
              onChange={(e) => setDraft({ ...draft, time: e.target.value })}
              error={Boolean(fieldError('time'))}
              helperText={fieldError('time')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
            />
          )}
          <TextField
            label={t('backup.schedule.keep')}
            value={keepText}
            onChange={(e) => setKeepText(e.target.value)}
            error={Boolean(fieldError('keep'))}
            helperText={fieldError('keep')}
            sx={{ width: 140 }}
            slotProps={{
              htmlInput: { inputMode: 'numeric', 'data-testid': 'backup-schedule-keep' },
            }}
          />
        </Box>
        <Box>
          <Button variant="contained" onClick={save} data-testid="backup-schedule-save">
            {t('backup.schedule.save')}
          </Button>
        </Box>
        {saved && <Alert severity="success">{t('backup.schedule.saved')}</Alert>}
        {failed && (
          <Alert severity="warning" data-testid="backup-schedule-failed">
            {backupErrorText(t, failed)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
