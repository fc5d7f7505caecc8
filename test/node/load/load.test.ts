import { describe, expect, it } from 'vitest';
import { loadTable, runLoad } from '../../load/main';
import { hqStorages } from '../../support/hqHarness';

/**
 * The load run itself (issue #17 item 4), small: a few simulated desks against real HQ
 * processes — one over SQLite, two sharing PostgreSQL when the suite has one — push and
 * pull on the real protocol with nothing refused, and the report names every route. The
 * figures at scale are `npm run load`'s, never asserted here.
 */
describe.each(hqStorages)('the load run on $kind', (storage) => {
  it('drives desks through saves, pushes and pulls with no error, and reports them', async () => {
    const result = await runLoad({
      desks: 4,
      seconds: 3,
      hqs: storage.kind === 'postgres' ? 2 : 1,
      offices: 2,
      syncEverySeconds: 0.5,
      databaseUrl: storage.serverUrl,
      log: () => undefined,
    });
    expect(result.errors).toBe(0);
    expect(result.refusedOps).toEqual({});
    const routes = result.routes.map((r) => r.route);
    expect(routes).toContain('push');
    expect(routes).toContain('pull');
    expect(result.routes.find((r) => r.route === 'push')?.requests).toBeGreaterThan(0);
    expect(result.hqRssMb.every((m) => m.peak > 0)).toBe(true);
    if (storage.kind === 'postgres') expect(result.pgConnections?.peak).toBeGreaterThan(0);
    expect(loadTable(result)).toContain('p99 ms');
  }, 120_000);
});
