import type { FastifyRequest, onRequestHookHandler } from 'fastify';
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
    throw roleRefusal(user.role, what.action);
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

const roleRefusal = (role: string, action: string) =>
  new AppError({
    code: 'forbidden',
    message: `The role ${role} may not do this (${action}).`,
    details: { reason: 'console.role', role },
  });

/**
 * onRequest, after the session: the role's right checked before HQ reads the body, for
 * routes whose body is large (a package upload, up to 512 MiB held in memory), so a role
 * that may not is refused — and logged, as `act` would — without HQ taking its bytes.
 * The route still runs `act`, which checks again and logs the action's result.
 */
export function rightBeforeBody(
  deps: { db: Kysely<HqTables>; now: () => Date },
  what: { action: string; right: ConsoleRight },
): onRequestHookHandler {
  return async (request) => {
    const { user } = sessionOf(request);
    if (roleMay(user.role, what.right)) return;
    const line = { userId: user.id, username: user.username, target: '', result: 'forbidden' };
    await writeAudit(deps.db, { ...line, action: what.action }, deps.now());
    throw roleRefusal(user.role, what.action);
  };
}

/**
 * A text field of a body not yet checked, for an audit line's target or detail: routes
 * check the role first and parse the body inside `act`, so a refusal for the body is
 * logged too; what the line keeps of a field is cut at `max` characters.
 */
export function sentText(body: unknown, name: string, max = 200): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, max) : '';
}
