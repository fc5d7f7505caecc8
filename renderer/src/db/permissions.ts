import { AppError } from '@shared/errors/appError';
import type { ActorRole } from '@shared/domain/roles';
import { heldRolesOf, type WriteContext } from './writeContext';

/**
 * Role checks live in the repositories, not only in the UI: a hidden button is not a
 * permission. Passes when the account holds any allowed role (the write path then names,
 * on each change, the held role that may write it). The workflow's own roles are
 * checked by its state machine.
 */
export function requireRole(ctx: WriteContext, allowed: readonly ActorRole[], what: string): void {
  const held = heldRolesOf(ctx.actor);
  if (!held.some((role) => allowed.includes(role))) {
    throw new AppError({
      code: 'forbidden',
      message: `Role ${held.join('+')} may not ${what}.`,
      details: { role: ctx.actor.role },
    });
  }
}

/**
 * Roles whose list exports (persons, cases, residents, …) carry ID, phone and bank
 * account numbers in full: the supervisor, who answers for the office's data and signs
 * what leaves it (the same role the 医疗救助 sheet already needs). A registrar's export
 * masks them. A full export is written in the access log (renderer/src/export).
 */
export const fullExportRoles: readonly ActorRole[] = ['supervisor'];

/** Whether this export may hold personal numbers in full (the acting role decides). */
export function mayExportInFull(ctx: WriteContext): boolean {
  return fullExportRoles.includes(ctx.actor.role);
}
