import { randomBytes } from 'node:crypto';
import {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { AppError } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import type { OpResult } from '@shared/sync/protocol';
import type { HqLogLevel } from '../protectionConfig';
import { httpError } from './errors';

/**
 * HQ's log: one JSON line per request (Fastify's pino) with who asked, which route,
 * the answer's status and time, and what a sync request carried in numbers. Never a
 * body, a header, a token, a name or an ID number: the line is built from the facts
 * noted below, not from the request. Each error answer carries an `errorId`, and so
 * does its line (with the stack for a 5xx).
 */

export interface HqLog {
  level: HqLogLevel;
  /** Where the lines go (stdout unless given; tests pass their own). */
  stream?: { write: (line: string) => void };
}

/** What HQ learned about a request while answering it: ids and counts only. */
interface Facts {
  device?: string;
  /** The console account's id (issue #14); its name stays in the audit log. */
  consoleUser?: string;
  office?: string;
  push?: Record<OpResult['status'] | 'ops', number>;
  errorId?: string;
  error?: string;
  fields?: string[];
  failure?: unknown;
}

const factsByRequest = new WeakMap<FastifyRequest, Facts>();
const factsOf = (request: FastifyRequest): Facts => {
  let facts = factsByRequest.get(request);
  if (!facts) factsByRequest.set(request, (facts = {}));
  return facts;
};

/** The authenticated device (its id and office) asked. */
export function noteDevice(request: FastifyRequest, device: { id: string; officeId: string }) {
  const facts = factsOf(request);
  facts.device = device.id;
  facts.office = device.officeId;
}

/**
 * What HQ did with a push: ops received, and how many were applied, conflicted, rejected
 * or deferred. Noted by the handler, which sends its answer as signed bytes.
 */
export function notePushResults(request: FastifyRequest, results: readonly OpResult[]) {
  const push = { ops: results.length, applied: 0, conflict: 0, rejected: 0, deferred: 0 };
  for (const result of results) push[result.status] += 1;
  factsOf(request).push = push;
}

/** A console session was shown (the account's id, not its name). */
export function noteConsoleUser(request: FastifyRequest, userId: string) {
  factsOf(request).consoleUser = userId;
}

/** The county's admin token was shown. */
export function noteAdmin(request: FastifyRequest) {
  factsOf(request).device = 'admin';
}

/** Fastify's options for the log: pino on at the level, without its own request lines. */
export function serverLogOptions(
  log: HqLog | undefined,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (!log || log.level === 'off') return { logger: false };
  return {
    logger: {
      level: log.level,
      ...(log.stream ? { stream: log.stream } : {}),
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
    // Fastify's own request lines carry the raw URL (with ids); HQ writes its own.
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/**
 * Every error answers with the one AppErrorData shape and a fresh `errorId`; the
 * request's log line gets the same id, the code, the field errors' codes (never their
 * values) and, for a 5xx, the error with its stack.
 */
export function answerErrors(app: FastifyInstance): void {
  const answer = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = httpError(error);
    const errorId = randomBytes(6).toString('hex');
    const facts = factsOf(request);
    facts.errorId = errorId;
    facts.error = body.code;
    if (body.fieldErrors?.length) {
      facts.fields = [...new Set(body.fieldErrors.map((f) => f.code))].slice(0, 10);
    }
    if (status >= 500) facts.failure = error;
    void reply.status(status).send({ ...body, errorId });
  };
  app.setErrorHandler((error: FastifyError, request, reply) => answer(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    answer(new AppError({ code: 'not_found', message: 'No such route.' }), request, reply),
  );
}

/** Writes the request lines (nothing at all when the log is off). */
export function logRequests(app: FastifyInstance, log: HqLog | undefined): void {
  if (!log || log.level === 'off') return;
  app.addHook('onResponse', async (request, reply) => {
    const facts = factsByRequest.get(request) ?? {};
    const status = reply.statusCode;
    const bytes = Number(reply.getHeader('content-length') ?? 0);
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      bytes,
      ...(facts.device ? { device: facts.device } : {}),
      ...(facts.office ? { office: facts.office } : {}),
      ...(facts.consoleUser ? { consoleUser: facts.consoleUser } : {}),
      ...(facts.push ? { push: facts.push } : {}),
      ...(request.routeOptions.url === hqRoutes.pull ? { pull: pullFacts(request) } : {}),
      ...(facts.errorId ? { errorId: facts.errorId, error: facts.error } : {}),
      ...(facts.fields ? { fields: facts.fields } : {}),
      ...(facts.failure !== undefined ? { err: failureOf(facts.failure) } : {}),
    };
    if (status >= 500) request.log.error(line, 'request failed');
    else if (status === 429) request.log.warn(line, 'request refused: rate limit');
    else request.log.info(line, 'request');
  });
}

/** The page size the desk asked for (the answer's size is the line's `bytes`). */
function pullFacts(request: FastifyRequest) {
  const limit = (request.body as { limit?: unknown } | null)?.limit;
  return { limit: typeof limit === 'number' ? limit : null };
}

/**
 * An unexpected error as the log keeps it: its kind, code, message and stack — with every
 * run of six or more digits in them (spaces and hyphens between them too) (an ID, phone or bank account number a driver's or a
 * library's message may quote from the data) put as `#…`. HQ's log lines carry ids and
 * counts, never a person's numbers (test/node/hq/requestLog.test.ts).
 */
export function failureOf(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: withoutNumbers(error.message),
    stack: withoutNumbers(error.stack ?? ''),
  };
}

function withoutNumbers(text: string): string {
  // Also written in groups with a space or hyphen between (6222 0212 3456 7890,
  // 138-1234-5678): ten digits or more so, not a date (2026-12-07), a time or two counts.
  return text.replace(/\d{3,}(?:[ -]\d{3,})*[\dXx]*/g, (run) => {
    const digits = run.replace(/[^\dXx]/g, '').length;
    return digits >= (/[ -]/.test(run) ? 10 : 6) ? '#…' : run;
  });
}
