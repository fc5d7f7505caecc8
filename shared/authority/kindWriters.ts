/**
 * Which desk roles may write each office kind: checked by the desk's write path and
 * again at HQ for every pushed op (a desk's own check is not a permission HQ trusts).
 * Workflow steps have their own roles in the state machine; this is the coarse rule
 * beneath them: casework is the registrars' and supervisors', accounts are the
 * administrator's, settings the supervisor's and the administrator's. An account that
 * holds two roles (a small office's administrator who also registers) acts in the one
 * that may: the op names it, and HQ checks the account held it.
 */
import { caseworkRoles, type LocalRole } from '../domain/roles';

const anyone: readonly LocalRole[] = ['registrar', 'supervisor', 'admin'];

const special: Record<string, readonly LocalRole[]> = {
  officeSettings: ['supervisor', 'admin'],
  staffMember: ['admin'],
  // A person resolving a conflict or a logged look at sensitive data: any account.
  syncConflict: anyone,
  accessLog: anyone,
};

/** Roles that may write an office-scope kind (casework roles unless named above). */
export function writersOf(kind: string): readonly LocalRole[] {
  return Object.hasOwn(special, kind) ? (special[kind] ?? caseworkRoles) : caseworkRoles;
}

export function mayWrite(role: string, kind: string): boolean {
  return (writersOf(kind) as readonly string[]).includes(role);
}

/**
 * The role in which an account writes a kind: the role it is acting in when that may,
 * else the first role it holds that may (an administrator who also registers writes a
 * person as registrar, an account as administrator); null when none may.
 */
export function actingRoleFor(
  acting: string,
  held: readonly string[],
  kind: string,
): string | null {
  if (mayWrite(acting, kind)) return acting;
  return held.find((role) => mayWrite(role, kind)) ?? null;
}
