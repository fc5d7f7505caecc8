/**
 * A desk keeps one administrator at least (someone must manage its accounts and sync):
 * the same rule for the account screen and for HQ, which judges a pushed change to an
 * account against the desk's other accounts as it holds them.
 */
import type { FieldError } from '../errors/appError';
import { rolesOfRecord } from '../domain/roles';

export interface DeskAccount {
  id: string;
  data: unknown;
  deleted: boolean;
}

function activeAdmin(account: DeskAccount): boolean {
  const disabled = (account.data as { disabled?: unknown } | null)?.disabled === true;
  return !account.deleted && !disabled && rolesOfRecord(account.data).includes('admin');
}

/**
 * The refusal of a change to one of a desk's accounts that leaves the desk with no
 * active administrator (`user.last_admin`), or null. `before`: the desk's accounts;
 * `after`: the changed account as it would stand.
 */
export function lastAdminIssue(
  before: readonly DeskAccount[],
  after: DeskAccount,
): FieldError | null {
  const hadOne = before.some(activeAdmin);
  const others = before.filter((a) => a.id !== after.id);
  if (!hadOne || activeAdmin(after) || others.some(activeAdmin)) return null;
  return { path: 'roles', code: 'user.last_admin' };
}
