import http from 'node:http';
import { expect, it } from 'vitest';
import { hqRoutes } from '@shared/sync/httpApi';
import { startHq } from '../../support/hqHarness';

/**
 * HQ stops at once though a desk's request was still being answered when the stop
 * began: that connection ends with its answer instead of staying open for the next
 * request (Node's keep-alive held the close for 72 s; hq/src/http/closeConnections.ts).
 */
it('stops at once though a request was in flight when the stop began', async () => {
  const hq = await startHq();
  const agent = new http.Agent({ keepAlive: true });
  try {
    const request = http.request(`${hq.url}${hqRoutes.pull}`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json' },
    });
    const answered = new Promise<number>((resolve, reject) => {
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
    });
    // Half the body sent: the request is in flight when the stop begins.
    request.write('{"cursor":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const stopped = hq.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    request.end('{"office":0,"reference":0},"limit":10}');
    expect(await answered).toBe(401); // no device token: answered all the same
    await stopped;
    expect(Date.now() - started).toBeLessThan(5_000);
  } finally {
    agent.destroy();
  }
});
