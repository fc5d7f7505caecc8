import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../../db/schema';
import type { ConsoleConfig } from '../../console/consoleConfig';
import { liveSession, type ConsoleSession } from '../../console/sessions';
import { noteConsoleUser } from '../logging';

/** The session cookie: httpOnly, SameSite=Strict, Secure whenever the request came over HTTPS. */
export const sessionCookie = 'mz_console';
export const consolePrefix = '/v1/console';
export const cookieOptions = {
  path: consolePrefix,
  httpOnly: true,
  sameSite: 'strict',
  secure: 'auto',
} as const;

const sessions = new WeakMap<FastifyRequest, ConsoleSession>();

/** The request's signed-in session (after `requireSession`). */
export function sessionOf(request: FastifyRequest): ConsoleSession {
  const session = sessions.get(request);
  if (!session) throw signedOut();
  return session;
}

export const sessionIfAny = (request: FastifyRequest): ConsoleSession | null =>
  sessions.get(request) ?? null;

const signedOut = () =>
  new AppError({
    code: 'unauthenticated',
    message: 'Sign in to the console (or the session ended).',
    details: { reason: 'console.signed_out' },
  });

/**
 * onRequest: only the console's own session cookie opens the console. A device's or
 * the admin's bearer token is not looked at, so it opens nothing here.
 */
export function requireSession(deps: {
  db: Kysely<HqTables>;
  config: ConsoleConfig;
  now: () => Date;
}) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const id = request.cookies[sessionCookie] ?? '';
    const session = await liveSession(deps.db, id, deps.config, deps.now());
    if (!session) {
      if (id) void reply.clearCookie(sessionCookie, cookieOptions);
      throw signedOut();
    }
    sessions.set(request, session);
    noteConsoleUser(request, session.user.id);
  };
}
