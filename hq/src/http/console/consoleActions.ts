import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError, toAppErrorData } from '@shared/errors/appError';
import type { HqTables } from '../../db/schema';
import { writeAudit } from '../../console/audit';
import { roleMay, type ConsoleRight } from '../../console/roles';
import { sessionOf } from './consoleAuth';

/**
 * Runs one console action for the signed-in user: the role must have the right, and
 * the action goes to the audit log with its result, refused or done.
 */
export async function act<T>(
  deps: { db: Kysely<HqTables>; now: () => Date },
  request: FastifyRequest,
  what: { action: string; target: string; right: ConsoleRight; detail?: Record<string, unknown> },
  run: () => Promise<T>,
): Promise<T> {
  const { user } = sessionOf(request);
  const audit = (result: string) =>
    writeAudit(
      deps.db,
      {
        userId: user.id,
        username: user.username,
        action: what.action,
        target: what.target,
        result,
        ...(what.detail ? { detail: what.detail } : {}),
      },
      deps.now(),
    );
  if (!roleMay(user.role, what.right)) {
    await audit('forbidden');
    throw new AppError({
      code: 'forbidden',
      message: `The role ${user.role} may not do this (${what.action}).`,
      details: { reason: 'console.role', role: user.role },
    });
  }
  try {
    const value = await run();
    await audit('ok');
    return value;
  } catch (error) {
    await audit(toAppErrorData(error).code);
    throw error;
  }
}

/**
 * A text field of a body not yet checked, for an audit line's target or detail: routes
 * check the role first and parse the body inside `act`, so a refusal for the body is
 * logged too; what the line keeps of a field is cut at 200 characters.
 */
export function sentText(body: unknown, name: string): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 200) : '';
}
