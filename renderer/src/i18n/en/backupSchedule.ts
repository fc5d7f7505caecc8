import type { backupScheduleZh } from '../zh-CN/backupSchedule';

export const backupScheduleEn: Record<keyof typeof backupScheduleZh, string> = {
  'backup.schedule.title': 'Scheduled backup',
  'backup.schedule.intro.desktop':
    'At the set time, while anyone is signed in, this desk backs up to the chosen folder without asking. The folder keeps only the latest few backups of this desk; other files are left alone.',
  'backup.schedule.intro.web':
    'The browser version cannot write files into a folder by itself: at the set time the status bar reminds the supervisor to back up here by hand.',
  'backup.schedule.frequency': 'Frequency',
  'backup.schedule.off': 'No scheduled backup',
  'backup.schedule.daily': 'Daily',
  'backup.schedule.weekly': 'Weekly',
  'backup.schedule.time': 'Time',
  'backup.schedule.weekday': 'Day',
  'backup.schedule.weekday.1': 'Monday',
  'backup.schedule.weekday.2': 'Tuesday',
  'backup.schedule.weekday.3': 'Wednesday',
  'backup.schedule.weekday.4': 'Thursday',
  'backup.schedule.weekday.5': 'Friday',
  'backup.schedule.weekday.6': 'Saturday',
  'backup.schedule.weekday.7': 'Sunday',
  'backup.schedule.keep': 'Backups kept',
  'backup.schedule.folder': 'Backup folder: {folder}',
  'backup.schedule.folder.none': 'Backup folder: not chosen',
  'backup.schedule.folder.choose': 'Choose folder…',
  'backup.schedule.save': 'Save settings',
  'backup.schedule.saved': 'Saved.',
  'backup.schedule.needFolder': 'Choose a backup folder before scheduling backups.',
  'backup.schedule.overdue': 'Scheduled backup overdue',
  'backup.schedule.remind': 'Backup due: please back up',
  'backup.schedule.made': 'Backed up automatically: {file}',
  'backupSchedule.keep': 'Enter a whole number from {min} to {max}',
  'backupSchedule.invalid': 'Please check this field',
  'backup.no_folder': 'No backup folder is chosen.',
  'backup.folder_gone': 'The backup folder no longer exists (USB stick removed?). Choose it again.',
  'backup.not_a_folder': 'Choose an existing folder.',
  'backup.upgrade_failed':
    'This backup was made by an older version (data version {version}) and could not be upgraded to this one; it was refused and nothing here changed. Reason: {reason}',
  'firstRun.restore.title': 'Restore from a backup',
  'firstRun.restore.intro':
    'New PC? Restore all data from the old desk’s backup file with the recovery key (24 words), then sign in with your usual account.',
  'firstRun.restore.open': 'Restore from a backup…',
  'firstRun.restore.back': 'Back to setting up a new desk',
  'firstRun.key.title': 'Last step: write down the recovery key',
  'firstRun.key.intro':
    'The recovery key is 24 characters, shown here only once. It opens this office’s backups on a new PC, and this desk’s data when every password is lost. Write it down or print it, and lock it away apart from the backup files.',
  'firstRun.key.later': 'Set it up later',
  'firstRun.key.laterWarning':
    'Without a recovery key a backup cannot be opened on a new PC. If you put it off, a supervisor sets it up on Backup and restore.',
};
