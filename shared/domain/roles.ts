/**
 * Who may act. Local roles are accounts on a township desk; 'county' is the county
 * bureau (HQ) acting on a case, e.g. confirming or denying it. Labels live in the UI.
 *
 * An account holds one or more local roles, chosen explicitly: in a small office one
 * person may be the administrator and also register at the window. Every change still
 * names ONE role, the one in which the account acted (see actingRoleFor).
 */
export const localRoles = ['registrar', 'supervisor', 'admin'] as const;

export type LocalRole = (typeof localRoles)[number];

export type ActorRole = LocalRole | 'county';

/** Roles that do casework (persons, households, cases, elderly care, community). */
export const caseworkRoles: readonly LocalRole[] = ['registrar', 'supervisor'];

export function isLocalRole(value: unknown): value is LocalRole {
  return typeof value === 'string' && (localRoles as readonly string[]).includes(value);
}

/**
 * The roles an account record holds, old records included: accounts written before an
 * account could hold two roles have a single `role` (desks and HQ keep such records).
 * `roles` wins when a record has both (an old record updated by a new desk).
 */
export function rolesOfRecord(data: unknown): LocalRole[] {
  if (typeof data !== 'object' || data === null) return [];
  const { roles, role } = data as { roles?: unknown; role?: unknown };
  if (Array.isArray(roles)) return roles.filter(isLocalRole);
  return isLocalRole(role) ? [role] : [];
}

/** An account record's data with `roles` in place of an old single `role`. */
export function withRolesList(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  if (!('role' in data)) return data;
  const { role: _role, ...rest } = data as Record<string, unknown>;
  return 'roles' in rest ? rest : { ...rest, roles: rolesOfRecord(data) };
}

/**
 * The role an account acts in when nothing asks for a particular one: the one that may
 * do the most casework (a supervisor may take every registrar's step, see
 * dibaoWorkflow's frontDesk), the administrator's only when it holds nothing else.
 */
export function leadRole(roles: readonly LocalRole[]): LocalRole {
  for (const role of ['supervisor', 'registrar', 'admin'] as const)
    if (roles.includes(role)) return role;
  return 'admin';
}

export function holdsAny(roles: readonly string[], wanted: readonly string[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

export function doesCasework(roles: readonly string[]): boolean {
  return holdsAny(roles, caseworkRoles);
}

/**
 * The combinations the account screen offers, in this order: one role each, then the
 * two a small office combines (the administrator who also registers, or also reviews).
 * Any non-empty set is valid; registrar with supervisor is not offered because a
 * supervisor already may take every registrar's step.
 */
export const roleChoices: readonly (readonly LocalRole[])[] = [
  ['registrar'],
  ['supervisor'],
  ['admin'],
  ['admin', 'registrar'],
  ['admin', 'supervisor'],
];

/** One key for a set of roles, in a fixed order (administrator first): 'admin+registrar'. */
export function rolesKey(roles: readonly LocalRole[]): string {
  const order: readonly LocalRole[] = ['admin', 'registrar', 'supervisor'];
  return order.filter((role) => roles.includes(role)).join('+');
}
