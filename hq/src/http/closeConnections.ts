import type { FastifyInstance } from 'fastify';

/**
 * Once HQ is closing, each connection ends with the answer it is giving. Node closes the
 * connections idle when `close()` is called, but one still answering then (a desk's
 * pull in flight) would stay open, kept alive for the next request, and hold the close
 * for the whole keep-alive time (72 s): a restart or a test's stop waited that long.
 */
export function endConnectionsOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onResponse', async (request) => {
    if (closing) request.raw.socket.end();
  });
}
