import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { listAudit } from '../../../hq/src/console/audit';
import { freshPlace, hqStorages, type HqPlace } from '../../support/hqHarness';
import { buildHqCli } from '../../support/hqProcess';

/**
 * `npm run hq -- user add` through the real CLI bundle: the first administrator, with
 * the password from HQ_USER_PASSWORD (never from the command line), as a script runs it.
 */
let cli = '';
let removeCli: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ cli, remove: removeCli } = await buildHqCli());
});
afterAll(async () => {
  await removeCli?.();
});

function runCli(place: HqPlace, args: string[], password: string | null) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HQ_DATA_DIR: place.dataDir,
      HQ_DATABASE_URL: place.databaseUrl ?? '',
    };
    delete env.HQ_USER_PASSWORD;
    if (password !== null) env.HQ_USER_PASSWORD = password;
    const child = execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe.each(hqStorages)('hq user add over $kind', (storage) => {
  it('creates the first administrator, refuses a short password, a second one of the name and no password', async () => {
    const place = await freshPlace(storage);
    try {
      const add = ['user', 'add', 'wang', '--name', '王主任', '--role', 'admin'];
      const made = await runCli(place, add, 'admin-pass-2026');
      expect(made).toMatchObject({ code: 0 });
      expect(made.stdout).toContain('console account wang (王主任, admin) created');
      const again = await runCli(place, add, 'admin-pass-2026');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('username: console.username_taken');
      const short = await runCli(
        place,
        ['user', 'add', 'li', '--name', '李', '--role', '审核员'],
        'short',
      );
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('password: console.password_length');
      const none = await runCli(
        place,
        ['user', 'add', 'li', '--name', '李', '--role', 'reviewer'],
        null,
      );
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('HQ_USER_PASSWORD');
      const hq = await openHqDatabase(place);
      try {
        const users = await hq.db
          .selectFrom('console_users')
          .select(['username', 'role'])
          .execute();
        expect(users).toEqual([{ username: 'wang', role: 'admin' }]);
        const audit = await listAudit(hq.db, 10);
        expect(audit.map((a) => `${a.username}:${a.action}:${a.target}`)).toEqual([
          'cli:user.add:wang',
        ]);
      } finally {
        await hq.close();
      }
    } finally {
      await place.drop();
    }
    // Four HQ command processes, each a Node start: seconds on a loaded 2-core machine.
  }, 30_000);
});
