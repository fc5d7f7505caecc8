import { localRoles, rolesKey, type LocalRole } from '@shared/domain/roles';
import type { MessageKey } from '../../i18n/messages';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** 管理员兼登记员: the roles an account holds, administrator first. */
export function rolesLabel(t: T, roles: readonly LocalRole[]): string {
  const order: readonly LocalRole[] = ['admin', 'supervisor', 'registrar'];
  return order
    .filter((role) => roles.includes(role))
    .map((role) => t(`role.${role}`))
    .join(t('roles.joiner'));
}

/** What a set of roles is for, when the account screen explains it. */
export function rolesHelp(t: T, roles: readonly LocalRole[]): string {
  const key = `roles.choice.${rolesKey(roles)}`;
  return isMessageKey(key) ? t(key) : '';
}

const choiceKeys = new Set<string>([
  ...localRoles.map((role) => `roles.choice.${role}`),
  'roles.choice.admin+registrar',
  'roles.choice.admin+supervisor',
  'roles.choice.registrar+supervisor',
]);

function isMessageKey(key: string): key is MessageKey {
  return choiceKeys.has(key);
}
