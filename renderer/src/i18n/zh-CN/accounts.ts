/** 账户管理 (issue #16 item 4): disable, reset, change one's own password. */
export const accountsZh = {
  'accounts.disable': '停用',
  'accounts.enable': '启用',
  'accounts.disabled': '已停用 {name} 的账户：该账户不能再登录，停用后的操作县局也不再接受。',
  'accounts.enabled': '已启用 {name} 的账户。',
  'accounts.disableTitle': '停用 {name} 的账户？',
  'accounts.disableText':
    '停用后该账户不能登录本工作台；此后以该账户名义提交的任何变更，县局都会拒收。停用前已完成的工作保留。可随时重新启用。',
  'accounts.reset': '重置密码',
  'accounts.resetTitle': '重置 {name} 的密码',
  'accounts.resetText':
    '设置一个临时密码并当面告知本人。本人下次登录时必须改为自己的新密码。重置会同步到县局（不含密码本身）。',
  'accounts.temporaryPassword': '临时密码',
  'accounts.temporaryConfirm': '再次输入临时密码',
  'accounts.resetDone': '已重置 {name} 的密码，下次登录时须修改。',
  'accounts.mustChange': '待改密码',
  'accounts.changeOwn': '修改密码',
  'accounts.changeTitle': '修改密码',
  'accounts.forcedTitle': '请设置新密码',
  'accounts.forcedText':
    '管理员已重置您的密码。请输入管理员告知的临时密码，并设置只有您知道的新密码。',
  'accounts.currentPassword': '当前密码',
  'accounts.newPassword': '新密码',
  'accounts.newConfirm': '再次输入新密码',
  'accounts.changed': '密码已修改。',
  'accounts.saveNew': '保存新密码',
  'user.password_wrong': '当前密码不正确',
  'user.password_same': '新密码不能与当前密码相同',
  'user.disable_self': '不能停用自己的账户',
};
