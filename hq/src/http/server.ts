import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppError } from '@shared/errors/appError';
import { hqRoutes, maxRequestBytes } from '@shared/sync/httpApi';
import {
  enrollRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type HealthResponse,
} from '@shared/sync/protocol';
import type { HqDatabase } from '../db/database';
import { authenticateDevice, enrollDevice, type AuthenticatedDevice } from '../store/offices';
import { applyPush } from '../sync/applyPush';
import { pullPage } from '../sync/pull';
import { adminRoutes } from './adminRoutes';
import { allowOrigins } from './cors';
import { httpError, parseBody } from './errors';

export interface ServerDeps {
  hq: HqDatabase;
  adminToken: string | null;
  corsOrigins?: readonly string[];
  now?: () => Date;
}

/**
 * HQ's HTTP API. Stateless: everything correctness depends on is in the database, so
 * several HQ processes can serve the same offices behind a load balancer.
 */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({ bodyLimit: maxRequestBytes, logger: false });
  const { db } = deps.hq;
  allowOrigins(app, deps.corsOrigins ?? []);

  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = httpError(error);
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ code: 'not_found', message: 'No such route.' });
  });

  const device = async (request: FastifyRequest): Promise<AuthenticatedDevice> => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const found = token ? await authenticateDevice(db, token) : null;
    if (!found)
      throw new AppError({ code: 'unauthenticated', message: 'A valid device token is required.' });
    return found;
  };

  app.get(hqRoutes.health, async (): Promise<HealthResponse> => ({
    status: 'ok',
    storage: deps.hq.storage,
    schemaVersion: deps.hq.schemaVersion,
  }));

  app.post(hqRoutes.enroll, async (request) => {
    const body = parseBody(enrollRequestSchema, request.body);
    const enrolled = await enrollDevice(db, body, now());
    return { ...enrolled, hqTime: now().toISOString() };
  });

  app.post(hqRoutes.push, async (request) => {
    const who = await device(request);
    // An op's fields are stored as JSON: any text a desk's schemas allow is kept as is.
    const body = parseBody(
      pushRequestSchema,
      request.body,
      (p) => p.length === 3 && p[2] === 'fields',
    );
    const results = await applyPush(db, who, body.ops, now);
    return { results, hqTime: now().toISOString() };
  });

  app.post(hqRoutes.pull, async (request) => {
    const who = await device(request);
    const body = parseBody(pullRequestSchema, request.body);
    return pullPage(db, who.officeId, body.cursor, body.limit, now());
  });

  app.register(adminRoutes({ db, adminToken: deps.adminToken, now }), { prefix: '/v1/admin' });
  return app;
}
