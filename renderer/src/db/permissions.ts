import { AppError } from '@shared/errors/appError';
import type { ActorRole } from '@shared/domain/roles';
import type { WriteContext } from './writeContext';

/**
 * Role checks live in the repositories, not only in the UI: a hidden button is not a
 * permission. The workflow's own roles are checked by its state machine.
 */
export function requireRole(ctx: WriteContext, allowed: readonly ActorRole[], what: string): void {
  if (!allowed.includes(ctx.actor.role)) {
    throw new AppError({
      code: 'forbidden',
      message: `Role ${ctx.actor.role} may not ${what}.`,
      details: { role: ctx.actor.role },
    });
  }
}
