import type { backupZh } from '../zh-CN/backup';

export const backupEn: Record<keyof typeof backupZh, string> = {
  'nav.backup': 'Backup',
  'backup.title': 'Backup and restore',
  'backup.supervisorOnly': 'Supervisors only: backups and restores are theirs to make.',
  'backup.intro':
    "A backup holds all of this desk's data (changes HQ has not got yet included), encrypted for the recovery key and signed by this desk. Keep the file on a USB stick or another PC.",
  'backup.age.never': 'Never backed up',
  'backup.age.today': 'Last backup: today',
  'backup.age.days': 'Last backup: {days} days ago',
  'backup.key.title': 'Recovery key',
  'backup.key.missing':
    'No recovery key yet. It is 24 characters shown only once: write them down or print them and lock them away. Without it a backup cannot be opened on a new PC.',
  'backup.key.set': 'Recovery key set (id {keyId}, by {by} on {at}).',
  'backup.key.start': 'Set up the recovery key',
  'backup.key.words': 'Write down these 24 characters in order (shown only this once):',
  'backup.key.print': 'Print',
  'backup.key.written': 'Written down, next',
  'backup.key.check': 'Type characters {a}, {b} and {c} to confirm:',
  'backup.key.wordN': 'Character {n}',
  'backup.key.confirm': 'Confirm',
  'backup.key.cancel': 'Cancel',
  'backup.key.back': 'Back to the words',
  'backup.key.done': 'Recovery key set. Lock the paper away, apart from the backup files.',
  'backup.word_mismatch': 'Not the character shown; check the paper and type it again',
  'backup.make.title': 'Back up now',
  'backup.make.button': 'Back up to a file',
  'backup.make.running': 'Backing up ({done}/{total})…',
  'backup.make.done': 'Backup made: {file} ({persons} persons, {queue} changes not yet sent)',
  'backup.make.needKey': 'Set up the recovery key first.',
  'backup.fileFilter': 'Desk backups',
  'backup.restore.title': 'Restore from a backup',
  'backup.restore.intro':
    "Restoring replaces all of this desk's data with the backup's. Changes made here after the backup and not yet sent are lost; those HQ received come back at the next sync.",
  'backup.restore.choose': 'Choose a backup file',
  'backup.restore.file': 'File: {file}',
  'backup.restore.words': 'Recovery key (24 characters, separated by spaces)',
  'backup.restore.button': 'Restore',
  'backup.restore.confirmTitle': 'Restore?',
  'backup.restore.confirmText':
    "All of this desk's data will be replaced by the backup of {at} ({persons} persons). This cannot be undone.",
  'backup.restore.confirm': 'Restore',
  'backup.restore.done':
    "Restored the backup of {at} ({persons} persons, {queue} changes not yet sent). The next sync brings back what HQ received after it; HQ will mark this desk's access chain as cut back, which the restore explains. Please sign in again.",
  'backup.restore.reload': 'Sign in again',
  'backup.not_a_backup': 'This is not a desk backup file (.mzbak).',
  'backup.unsupported_version':
    'This backup has format version {version}, unknown to this desk: update the software first.',
  'backup.truncated':
    'The backup file is incomplete (perhaps not fully copied); it cannot be restored.',
  'backup.tampered':
    'The backup file was altered or damaged (signature or checksum fails); refused, nothing changed.',
  'backup.wrong_words':
    "Wrong recovery key: not this backup's, or a character is wrong. Check the paper and type it again.",
  'backup.foreign_office':
    "This is another office's backup ({office}); it cannot be restored here.",
  'backup.newer_schema': 'This backup was made by a newer version: update the software first.',
  'backup.no_recovery_key': 'No recovery key yet: set it up first.',
};
