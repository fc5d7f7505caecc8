import type { atRestZh } from '../zh-CN/atRest';

export const atRestEn: Record<keyof typeof atRestZh, string> = {
  'atRest.recovery.open': 'Password does not open this desk’s data? Use the recovery key',
  'atRest.recovery.intro':
    'This desk’s data is encrypted. If this account has not signed in on this PC before, or its password was changed on another PC, enter the office’s 24 recovery words to open the data, then sign in with your own password.',
  'atRest.recovery.words': 'Recovery key (24 words, separated by spaces)',
  'atRest.recovery.unlock': 'Open this desk’s data',
  'atRest.recovery.failed': 'These words do not open this desk’s data: check each word.',
  'atRest.recovery.unavailable':
    'The recovery key step could not be loaded: reload the page and try again.',
  'atRest.recovery.opened': 'The data is open. Sign in with your user name and password.',
  'atRest.progress.seal.title': 'Encrypting this desk’s data',
  'atRest.progress.reseal.title': 'Updating how this desk’s data is encrypted',
  'atRest.progress.body':
    'Each record on this PC is being processed, once only. Please do not close the app or the PC; if it is closed, nothing is lost and the work runs again at the next start.',
  'atRest.progress.count': '{done} of {total} records done',
  'atRest.progress.elsewhere.title': 'This desk’s encryption is being updated; please wait',
  'atRest.progress.elsewhere.body':
    'This desk’s background sync, or another window of it, is processing each record on this PC, once only. This window goes on by itself when that is done; there is no need to sign in again.',
} as const;
