import type { accountsZh } from '../zh-CN/accounts';

export const accountsEn: Record<keyof typeof accountsZh, string> = {
  'accounts.disable': 'Disable',
  'accounts.enable': 'Enable',
  'accounts.disabled':
    "{name}'s account is disabled: it cannot log in, and the county refuses what it does from now on.",
  'accounts.enabled': "{name}'s account is enabled.",
  'accounts.disableTitle': "Disable {name}'s account?",
  'accounts.disableText':
    'A disabled account cannot log in at this desk, and the county refuses any change made in its name after this. Work done before stays. You can enable it again at any time.',
  'accounts.reset': 'Reset password',
  'accounts.resetTitle': "Reset {name}'s password",
  'accounts.resetText':
    'Set a temporary password and tell it to the person. They must choose their own at the next login. The reset (not the password) is synced to the county.',
  'accounts.temporaryPassword': 'Temporary password',
  'accounts.temporaryConfirm': 'Temporary password again',
  'accounts.resetDone': "{name}'s password is reset; it must be changed at the next login.",
  'accounts.mustChange': 'Must change password',
  'accounts.changeOwn': 'Change password',
  'accounts.changeTitle': 'Change password',
  'accounts.forcedTitle': 'Choose a new password',
  'accounts.forcedText':
    'An administrator reset your password. Enter the temporary password you were given and choose a new one only you know.',
  'accounts.currentPassword': 'Current password',
  'accounts.newPassword': 'New password',
  'accounts.newConfirm': 'New password again',
  'accounts.changed': 'Your password is changed.',
  'accounts.saveNew': 'Save new password',
  'user.password_wrong': 'The current password is wrong',
  'user.password_same': 'The new password must differ from the current one',
  'user.disable_self': 'You cannot disable your own account',
};
