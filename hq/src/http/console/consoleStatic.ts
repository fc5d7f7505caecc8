import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The console's built files (dist/console, `npm run build:console`) at /console/.
 * Its pages load only what HQ serves itself: scripts from here, no inline script.
 */
export function serveConsole(app: FastifyInstance, dir: string | null | undefined): void {
  if (!dir || !existsSync(dir)) {
    app.get('/console/', async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The console is not built: run `npm run hq` (it builds it), or `npm run build:console`.',
        ),
    );
    return;
  }
  void app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    setHeaders: (response) => {
      response.header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
          // Not covered by default-src: an injected <base> or <form> cannot redirect.
          "base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'",
      );
      response.header('x-content-type-options', 'nosniff');
      response.header('referrer-policy', 'no-referrer');
    },
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
}
