import type { rolesZh } from '../zh-CN/roles';

export const rolesEn: Record<keyof typeof rolesZh, string> = {
  'nav.sync': 'Sync',
  'nav.accounts': 'Accounts',
  'roles.joiner': ' and ',
  'roles.choice.registrar':
    'Registers at the window, accepts and investigates; day-to-day elderly and community records.',
  'roles.choice.supervisor':
    'Everything a registrar does, plus opinions, public notice, county submission, suspension.',
  'roles.choice.admin': 'Manages accounts, office settings and sync only; no casework.',
  'roles.choice.admin+registrar':
    'Small office: the same person manages accounts and registers at the window.',
  'roles.choice.admin+supervisor':
    'Small office: the same person manages accounts and reviews cases.',
  'roles.choice.registrar+supervisor':
    'A supervisor already takes every registrar step; holding both adds nothing.',
  'roles.why':
    'Casework belongs to registrars and supervisors; the administrator manages accounts, settings and sync. A small office may let one person hold both, chosen here explicitly; every change records the role it was made in, and the county checks it.',
  'roles.change': 'Change roles',
  'roles.changeTitle': 'Change the roles of {name}',
  'roles.save': 'Save roles',
  'roles.saved': 'Changed the roles of {name}',
  'roles.firstRunCasework': 'This administrator also does casework (small office, also registrar)',
  'roles.firstRunCaseworkHelp':
    'Unticked, the administrator only manages accounts, settings and sync; registrars and supervisors added later do the casework.',
  'roles.accountsTitle': 'Accounts',
  'user.last_admin': 'The desk keeps at least one administrator',
  'user.roles_repeated': 'Each role can be chosen once',
};
