import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '@shared/errors/appError';
import type { RateLimit } from '../protectionConfig';

/**
 * Limits routes per client address with @fastify/rate-limit, before anything else of
 * the request is read: an attempt over the limit is answered 429 `rate_limited` (the
 * one error shape, with Retry-After) and never reaches the database. Every attempt
 * counts, answered or refused, so many at once cannot all pass. The client address is
 * the socket's, or the one the trusted proxy forwards (HQ_TRUST_PROXY). Counts are
 * kept in this process: behind a load balancer each HQ process counts its own.
 *
 * Give the route's path (as declared) and its limit; call before routes are declared.
 * The console's login is limited here too (server.ts).
 */
export function limitRoutes(app: FastifyInstance, limits: Readonly<Record<string, RateLimit>>) {
  void app.register(rateLimit, { global: false });
  app.addHook('onRoute', (route) => {
    const limit = limits[route.url];
    if (!limit) return;
    const hooks = route.onRequest;
    const limiter = limitRequests(app, limit);
    route.onRequest = [...(Array.isArray(hooks) ? hooks : hooks ? [hooks] : []), limiter];
  });
}

function limitRequests(app: FastifyInstance, limit: RateLimit): onRequestHookHandler {
  // The plugin's limiter exists once the plugin has loaded, before the first request.
  let check: ReturnType<FastifyInstance['createRateLimit']> | null = null;
  return async (request: FastifyRequest, reply) => {
    check ??= app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs });
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    void reply.header('retry-after', String(result.ttlInSeconds));
    throw new AppError({
      code: 'rate_limited',
      message: `Too many attempts from this address; try again in ${Math.ceil(result.ttlInSeconds / 60)} minute(s).`,
      details: { retryAfterSeconds: result.ttlInSeconds },
    });
  };
}
