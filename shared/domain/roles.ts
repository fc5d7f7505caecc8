/**
 * Who may act. Local roles are accounts on a township desk; 'county' is the county
 * bureau (HQ) acting on a case, e.g. confirming or denying it. Labels live in the UI.
 */
export const localRoles = ['registrar', 'supervisor', 'admin'] as const;

export type LocalRole = (typeof localRoles)[number];

export type ActorRole = LocalRole | 'county';

export function isLocalRole(value: unknown): value is LocalRole {
  return typeof value === 'string' && (localRoles as readonly string[]).includes(value);
}
