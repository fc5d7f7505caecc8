import type { authZh } from '../zh-CN/auth';

export const authEn: Record<keyof typeof authZh, string> = {
  'auth.title': 'Log in',
  'auth.firstRun.title': 'First-time setup',
  'auth.firstRun.intro':
    'Enter this office’s details and create the administrator account. Data stays on this computer and is synced to the county bureau when connected.',
  'auth.firstRun.office': 'Office',
  'auth.firstRun.admin': 'Administrator account',
  'auth.officeName': 'Office name',
  'auth.officeNameHelp': 'e.g. Town civil-affairs office',
  'auth.officeId': 'Office code',
  'auth.officeIdHelp': 'Code given by the county bureau, used for sync; cannot be changed later',
  'auth.areaCode': 'Area code',
  'auth.areaCodeHelp': '6 digits, e.g. 430121',
  'auth.adminUsername': 'Administrator username',
  'auth.usernameHelp': 'Letters, digits, dot, underscore or hyphen',
  'auth.displayName': 'Full name',
  'auth.password': 'Password',
  'auth.passwordHelp': 'At least {min} characters',
  'auth.passwordConfirm': 'Confirm password',
  'auth.createAdmin': 'Create administrator and start',
  'auth.creating': 'Creating…',
  'auth.username': 'Username',
  'auth.login': 'Log in',
  'auth.loggingIn': 'Logging in…',
  'auth.loginFailed': 'Wrong username or password',
  'auth.loginFailedLocked':
    'This desk’s data is encrypted and opens only with a password set on this PC. An account made on another PC that has never logged in here needs an administrator to reset its password here (Accounts) first.',
  'auth.locked.title': 'Locked',
  'auth.locked.who': 'The desk of {name} ({role}) is locked. Enter the password to unlock.',
  'auth.locked.idle':
    'The desk locks itself after a period without activity to protect personal data.',
  'auth.firstRunElsewhere.title': 'This desk is being set up in another window',
  'auth.firstRunElsewhere.body':
    'The first-run setup of this desk is open in another browser window or tab. Finish it there; once it is done or that window is closed, this one goes on by itself.',
  'auth.unlock': 'Unlock',
  'auth.unlockFailed': 'Wrong password',
  'auth.switchUser': 'Switch user',
  'auth.throttled': 'Too many wrong passwords; try again in {seconds} seconds',
};
