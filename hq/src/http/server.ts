import { presentChainKey, reportedChainHead, reportedChainTail } from '../store/accessChains';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppError } from '@shared/errors/appError';
import { hqRoutes, maxRequestBytes } from '@shared/sync/httpApi';
import { hqSignatureHeader, signHqAnswer } from '@shared/sync/hqSignature';
import {
  enrollRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type EnrollResponse,
  type HealthResponse,
  type PushResponse,
} from '@shared/sync/protocol';
import type { HqDatabase } from '../db/database';
import { defaultEnrollLimit, type RateLimit } from '../protectionConfig';
import { recordDeskContact } from '../store/deskContact';
import { recordDeviceCursor } from '../store/deviceCursor';
import { loadHqKeys, publicHqKeys, type HqKeys } from '../store/hqKeys';
import { authenticateDevice, enrollDevice, type AuthenticatedDevice } from '../store/offices';
import { applyPush } from '../sync/applyPush';
import { pullPageJson } from '../sync/pull';
import { endConnectionsOnClose } from './closeConnections';
import { adminRoutes } from './adminRoutes';
import { allowOrigins } from './cors';
import { opFields, parseBody } from './errors';
import { boundJsonDepth } from './jsonDepth';
import {
  answerErrors,
  logRequests,
  noteDevice,
  notePushResults,
  serverLogOptions,
  type HqLog,
} from './logging';
import { defaultConsoleConfig, type ConsoleConfig } from '../console/consoleConfig';
import { consolePrefix } from './console/consoleAuth';
import { consoleRoutes } from './console/consoleRoutes';
import { serveConsole } from './console/consoleStatic';
import { packageRoutes } from './packageRoutes';
import { limitRoutes } from './rateLimits';
import { withDeviceSeq } from '../sync/deviceSeq';

export interface ServerDeps {
  hq: HqDatabase;
  adminToken: string | null;
  corsOrigins?: readonly string[];
  /** One JSON line per request; off unless given (`npm run hq` logs to stdout). */
  log?: HqLog;
  /** Attempts to enroll per client address (default 10 per 15 minutes); null: no limit. */
  enrollLimit?: RateLimit | null;
  /** Whose X-Forwarded-For names the client (HQ_TRUST_PROXY); off by default. */
  trustProxy?: boolean | string[];
  now?: () => Date;
  /** Certificate and key (PEM): HQ serves HTTPS itself (config.ts, tlsFromEnv). */
  tls?: { cert: Buffer; key: Buffer } | null;
  /** The county console's sign-in rules (defaults: consoleConfig.ts). */
  console?: ConsoleConfig;
  /** The console's built files (dist/console); without them /console/ says to build it. */
  consoleDir?: string | null;
}

/**
 * HQ's HTTP API. Stateless: everything correctness depends on is in the database, so
 * several HQ processes can serve the same offices behind a load balancer.
 */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: maxRequestBytes,
    ...serverLogOptions(deps.log),
    trustProxy: deps.trustProxy ?? false,
    ...(deps.tls ? { https: deps.tls } : {}),
  }) as FastifyInstance;
  const { db } = deps.hq;
  logRequests(app, deps.log);
  endConnectionsOnClose(app);
  boundJsonDepth(app);
  const enrollLimit = deps.enrollLimit === undefined ? defaultEnrollLimit : deps.enrollLimit;
  const consoleConfig = deps.console ?? defaultConsoleConfig;
  limitRoutes(app, {
    ...(enrollLimit ? { [hqRoutes.enroll]: enrollLimit } : {}),
    [`${consolePrefix}/login`]: consoleConfig.loginLimit,
  });
  allowOrigins(app, deps.corsOrigins ?? []);
  // HQ's package keys exist from the start (made on first start, then loaded), so a
  // failure to make them stops HQ instead of the first enrollment.
  let loaded: Promise<HqKeys> | null = null;
  const keys = () => (loaded ??= loadHqKeys(deps.hq));
  app.addHook('onReady', async () => {
    await keys();
  });

  answerErrors(app);

  const device = async (request: FastifyRequest): Promise<AuthenticatedDevice> => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const found = token ? await authenticateDevice(db, token) : null;
    if (!found)
      throw new AppError({ code: 'unauthenticated', message: 'A valid device token is required.' });
    noteDevice(request, found);
    return found;
  };

  app.get(hqRoutes.health, async (): Promise<HealthResponse> => ({
    status: 'ok',
    storage: deps.hq.storage,
    schemaVersion: deps.hq.schemaVersion,
  }));

  app.post(hqRoutes.enroll, async (request, reply) => {
    const body = parseBody(enrollRequestSchema, request.body);
    const hqKeys = await keys();
    const enrolled = await enrollDevice(db, body, now());
    // The answer goes out as signed bytes: the log line learns the device here.
    noteDevice(request, { id: enrolled.deviceId, officeId: enrolled.officeId });
    // The desk pins HQ's public keys: pages and packages signed by any other key are
    // refused there. The answer is signed by the key it carries, for this device and code.
    const answer: EnrollResponse = {
      ...enrolled,
      hqTime: now().toISOString(),
      hqKeys: publicHqKeys(hqKeys),
    };
    const bytes = Buffer.from(JSON.stringify(answer), 'utf8');
    const signedFor = { answer: 'enroll', deviceId: body.deviceId, code: body.code } as const;
    return reply
      .type('application/json; charset=utf-8')
      .header(hqSignatureHeader, await signHqAnswer(bytes, signedFor, hqKeys.signing))
      .send(bytes);
  });

  app.post(hqRoutes.push, async (request, reply) => {
    const who = await device(request);
    // An op's fields are stored as JSON: any text a desk's schemas allow is kept as is.
    const body = parseBody(pushRequestSchema, request.body, opFields);
    const results = await applyPush(db, who, body.ops, now, body.accessChainKey);
    await recordDeskContact(db, who.id, 'push', now());
    // The answer goes out as signed bytes: the log line learns its counts here.
    notePushResults(request, results);
    const answer: PushResponse = { results, hqTime: now().toISOString() };
    // Serialized once; signed over the exact bytes sent, for this device, this request's
    // nonce and the op ids it carried in their order (docs/sync.md, "Signed answers"):
    // the desk acknowledges nothing of an answer that fails the check.
    const bytes = Buffer.from(JSON.stringify(answer), 'utf8');
    const signedFor = {
      answer: 'push',
      deviceId: who.id,
      nonce: body.nonce ?? '',
      opIds: body.ops.map((op) => op.opId),
    } as const;
    return reply
      .type('application/json; charset=utf-8')
      .header(hqSignatureHeader, await signHqAnswer(bytes, signedFor, (await keys()).signing))
      .send(bytes);
  });

  app.post(hqRoutes.pull, async (request, reply) => {
    const who = await device(request);
    const body = parseBody(pullRequestSchema, request.body);
    await recordDeviceCursor(db, who.id, body.held ?? body.cursor);
    await recordDeskContact(db, who.id, 'pull', now(), body.report);
    await presentChainKey(db, who, body.report?.accessChainKey, now());
    await reportedChainHead(db, who, body.report?.accessChainSeq, now());
    await reportedChainTail(db, who, body.report, now());
    const page = await withDeviceSeq(
      db,
      who.id,
      await pullPageJson(db, who.officeId, body.cursor, body.limit, now()),
    );
    // Signed over the exact bytes sent, for this device, cursor and request (docs/sync.md).
    const bytes = Buffer.from(page, 'utf8');
    const signedFor = {
      answer: 'pull',
      deviceId: who.id,
      cursor: body.cursor,
      nonce: body.nonce ?? '',
    } as const;
    return reply
      .type('application/json; charset=utf-8')
      .header(hqSignatureHeader, await signHqAnswer(bytes, signedFor, (await keys()).signing))
      .send(bytes);
  });

  app.register(adminRoutes({ db, adminToken: deps.adminToken, now }), { prefix: '/v1/admin' });
  app.register(packageRoutes({ db, adminToken: deps.adminToken, now, keys }), {
    prefix: '/v1/admin',
  });
  app.register(consoleRoutes({ db, config: consoleConfig, now, keys }), { prefix: consolePrefix });
  serveConsole(app, deps.consoleDir);
  return app;
}
