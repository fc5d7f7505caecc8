import type { FastifyInstance } from 'fastify';

/**
 * The browser build of the desk calls HQ from its own origin (e.g. http://127.0.0.1:5173),
 * which browsers allow only when HQ names that origin. Only the origins configured in
 * HQ_CORS_ORIGINS are named; the Electron desk needs none (its main process calls HQ).
 */
export function allowOrigins(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    void reply.header('access-control-allow-origin', origin);
    void reply.header('vary', 'Origin');
    // The page must read HQ's signature of enrollment answers, push answers and pull pages.
    void reply.header('access-control-expose-headers', 'x-hq-signature');
    if (request.method === 'OPTIONS') {
      void reply
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .status(204)
        .send();
    }
  });
}
