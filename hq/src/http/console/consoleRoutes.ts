import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
} from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../../db/schema';
import type { HqKeys } from '../../store/hqKeys';
import { listAudit, writeAudit } from '../../console/audit';
import type { ConsoleConfig } from '../../console/consoleConfig';
import { closeSession, openSession, sessionIdHash } from '../../console/sessions';
import { checkSignIn, signInRefusal } from '../../console/signIn';
import {
  addUser,
  listUsers,
  newUserSchema,
  resetPassword,
  setUserDisabled,
} from '../../console/users';
import { parseBody } from '../errors';
import { act, sentText } from './consoleActions';
import { officeRoutes } from './officeRoutes';
import { queueRoutes } from './queueRoutes';
import { figureRoutes } from './figureRoutes';
import { referenceRoutes } from './referenceRoutes';
import {
  cookieOptions,
  requireSession,
  sessionCookie,
  sessionIfAny,
  sessionOf,
} from './consoleAuth';

const loginSchema = z.object({
  username: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(200),
});
const userBodySchema = newUserSchema.extend({ password: z.string() });
const userParamsSchema = z.object({ userId: z.string().min(1).max(64) });
const disableSchema = z.object({ disabled: z.boolean() });
const passwordSchema = z.object({ password: z.string() });
/** The audit page: 200 lines, and the 200 before a line's id for the next. */
const auditPage = 200;
const auditQuerySchema = z.object({ before: z.string().min(1).max(64).optional() });

export interface ConsoleDeps {
  db: Kysely<HqTables>;
  config: ConsoleConfig;
  now: () => Date;
  /** HQ's package keys (loaded once by server.ts): package import and export need them. */
  keys: () => Promise<HqKeys>;
}

/**
 * The county console's API under /v1/console (issue #14). Only the console's session
 * cookie opens it; every state-changing request also needs the CSRF token the session
 * answers carry (header `x-csrf-token`); every route names the role right it needs and
 * every action goes to the audit log.
 */
export function consoleRoutes(deps: ConsoleDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(cookie);
    await app.register(csrf, { cookieOpts: { ...cookieOptions } });
    // Whole ID numbers, enrollment codes, CSRF tokens, case files: no answer of the
    // console may be kept by the browser's cache or a proxy (a shared office computer).
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store');
      return payload;
    });
    // The CSRF plugin's refusals speak the one error shape like every other refusal.
    app.setErrorHandler(async (error: { code?: string }, request) => {
      if (typeof error.code !== 'string' || !error.code.startsWith('FST_CSRF')) throw error;
      const session = sessionIfAny(request);
      await writeAudit(
        deps.db,
        {
          userId: session?.user.id ?? null,
          username: session?.user.username ?? '',
          action: `${request.method} ${request.routeOptions.url ?? ''}`,
          target: '',
          result: 'csrf',
        },
        deps.now(),
      );
      throw new AppError({
        code: 'forbidden',
        message: 'The request lacks the console’s CSRF token.',
        details: { reason: 'console.csrf' },
      });
    });
    const signedIn: onRequestHookHandler = requireSession(deps);
    const csrfChecked: onRequestHookHandler = (request, reply, done) =>
      app.csrfProtection(request, reply, done);
    const guards: Guards = {
      changing: { onRequest: [signedIn, csrfChecked] },
      reading: { onRequest: [signedIn] },
    };
    const { changing, reading } = guards;
    const answer = (request: FastifyRequest, reply: FastifyReply) => {
      const { user } = sessionOf(request);
      return { user, csrfToken: reply.generateCsrf(), idleMinutes: deps.config.idleMinutes };
    };

    app.post('/login', async (request, reply) => {
      const { username, password } = parseBody(loginSchema, request.body);
      const result = await checkSignIn(deps.db, username, password, deps.config, deps.now());
      await writeAudit(
        deps.db,
        {
          userId: result.ok ? result.user.id : result.userId,
          username,
          action: 'login',
          target: username,
          result: result.ok ? 'ok' : result.reason,
        },
        deps.now(),
      );
      if (!result.ok) throw signInRefusal(result.reason);
      const previous = request.cookies[sessionCookie];
      if (previous) await closeSession(deps.db, sessionIdHash(previous));
      const id = await openSession(deps.db, result.user.id, deps.config, deps.now());
      void reply.setCookie(sessionCookie, id, cookieOptions);
      return {
        user: result.user,
        csrfToken: reply.generateCsrf(),
        idleMinutes: deps.config.idleMinutes,
      };
    });
    app.get('/session', reading, async (request, reply) => answer(request, reply));
    app.post('/logout', changing, async (request, reply) => {
      const session = sessionOf(request);
      await act(
        deps,
        request,
        { action: 'logout', target: session.user.username, right: 'read' },
        () => closeSession(deps.db, session.idHash),
      );
      void reply.clearCookie(sessionCookie, cookieOptions);
      return { signedOut: true };
    });

    userRoutes(app, deps, guards);
    queueRoutes(app, deps, guards);
    figureRoutes(app, deps, guards);
    referenceRoutes(app, deps, guards);
    officeRoutes(app, deps, guards);

    app.get('/audit', reading, async (request) => {
      const what = { action: 'audit.read', target: sentText(request.query, 'before') };
      return act(deps, request, { ...what, right: 'manageUsers' }, async () => {
        const { before } = parseBody(auditQuerySchema, request.query);
        return { lines: await listAudit(deps.db, auditPage, before) };
      });
    });
  };
}

/** Reading needs a session; changing anything also the CSRF token. */
export type Guards = Record<'changing' | 'reading', { onRequest: onRequestHookHandler[] }>;

/** Accounts: administrators list, add, disable and re-password them. */
function userRoutes(app: FastifyInstance, deps: ConsoleDeps, guards: Guards) {
  const { changing, reading } = guards;
  app.get('/users', reading, async (request) =>
    act(deps, request, { action: 'user.list', target: '', right: 'manageUsers' }, async () => ({
      users: await listUsers(deps.db),
    })),
  );
  app.post('/users', changing, async (request) => {
    const sent = (name: string) => sentText(request.body, name);
    const by = sessionOf(request).user.username;
    const detail = { role: sent('role'), displayName: sent('displayName') };
    return act(
      deps,
      request,
      { action: 'user.add', target: sent('username'), right: 'manageUsers', detail },
      async () => {
        const { password, ...user } = parseBody(userBodySchema, request.body);
        return { user: await addUser(deps.db, user, password, by, deps.now()) };
      },
    );
  });
  app.post('/users/:userId/disabled', changing, async (request) => {
    const sent = (request.body as { disabled?: unknown } | null)?.disabled;
    const action = sent === false ? 'user.enable' : 'user.disable';
    const target = await usernameOf(deps.db, sentText(request.params, 'userId'));
    return act(deps, request, { action, target, right: 'manageUsers' }, async () => {
      const { userId } = parseBody(userParamsSchema, request.params);
      const { disabled } = parseBody(disableSchema, request.body);
      if (disabled && userId === sessionOf(request).user.id) {
        throw new AppError({
          code: 'validation',
          message: 'An administrator cannot disable their own account.',
          fieldErrors: [{ path: 'disabled', code: 'console.not_yourself' }],
        });
      }
      return { user: await setUserDisabled(deps.db, userId, disabled, deps.now()) };
    });
  });
  app.post('/users/:userId/password', changing, async (request) => {
    const target = await usernameOf(deps.db, sentText(request.params, 'userId'));
    return act(
      deps,
      request,
      { action: 'user.password', target, right: 'manageUsers' },
      async () => {
        const { userId } = parseBody(userParamsSchema, request.params);
        const { password } = parseBody(passwordSchema, request.body);
        return { user: await resetPassword(deps.db, userId, password, deps.now()) };
      },
    );
  });
}

/** The audit log names an account by its username (its id when there is none). */
async function usernameOf(db: Kysely<HqTables>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('console_users')
    .select('username')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.username ?? userId;
}
