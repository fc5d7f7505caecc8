/** Accounts holding one or more roles (issue #12): the account page, first run, menu. */
export const rolesZh = {
  'nav.sync': '同步',
  'nav.accounts': '账户',
  'roles.joiner': '兼',
  'roles.choice.registrar': '窗口登记、受理、入户调查，养老和社区服务的日常记录。',
  'roles.choice.supervisor': '登记员的全部工作，加上审核意见、公示、报县局、停发恢复等。',
  'roles.choice.admin': '只管理账户、办公室设置和同步，不办理业务。',
  'roles.choice.admin+registrar': '小办公室：同一人既管理账户，又在窗口办理登记。',
  'roles.choice.admin+supervisor': '小办公室：同一人既管理账户，又审核业务。',
  'roles.choice.registrar+supervisor': '主管已能办理登记员的每一步，兼任不增加权限。',
  'roles.why':
    '业务由登记员和主管办理，管理员只管账户、设置和同步。人少的办公室可以让一人兼任，须在此明确选择；每项操作都记录所用的角色，县局据此核对。',
  'roles.change': '更改角色',
  'roles.changeTitle': '更改 {name} 的角色',
  'roles.save': '保存角色',
  'roles.saved': '已更改 {name} 的角色',
  'roles.firstRunCasework': '该管理员也办理业务（小办公室兼任登记员）',
  'roles.firstRunCaseworkHelp':
    '不勾选时，管理员只管理账户、设置和同步，业务由之后添加的登记员、主管办理。',
  'roles.accountsTitle': '账户',
  'user.last_admin': '工作台至少要保留一名管理员',
  'user.roles_repeated': '同一角色只能选一次',
};
