import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { hqRoutes } from '@shared/sync/httpApi';
import { enrollResponseSchema, type EnrollResponse } from '@shared/sync/protocol';
import { defaultKeyFile, type HqDatabase } from '../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../hq/src/db/migrations';
import type { HqTables } from '../../hq/src/db/schema';
import { keyWrappingFromFile } from '../../hq/src/store/keyWrapping';
import { adminToken, postJson, type HqPlace } from './hqHarness';

/**
 * HQ as its own process, exactly as `npm run hq` runs it (`node dist/hq/cli.cjs`), so a
 * test can SIGKILL it or run two of them over one database.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds dist/hq/cli.cjs with build/build-hq.mjs and gives this test file its own copy
 * (next to it, so its packages resolve), so another build running meanwhile cannot
 * change the bundle under a running test. Returns the copy's path and its removal.
 */
export async function buildHqCli(): Promise<{ cli: string; remove: () => Promise<void> }> {
  const cli = join(root, 'dist', 'hq', `cli.test-${process.pid}-${Date.now()}.cjs`);
  for (let attempt = 1; ; attempt++) {
    await run(process.execPath, [join(root, 'build', 'build-hq.mjs')], { cwd: root });
    await copyFile(join(root, 'dist', 'hq', 'cli.cjs'), cli);
    try {
      await run(process.execPath, ['--check', cli]);
      break;
    } catch (error) {
      // Copied while another build was writing it: build again (bounded).
      if (attempt >= 3) throw error;
    }
  }
  return { cli, remove: () => rm(cli, { force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildHq {
  url: string;
  pid: number;
  /** What the process printed so far (for failure messages). */
  output: () => string;
  /** Sends a signal and waits (bounded) until the process is gone. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** SIGTERM (a clean stop), SIGKILL if it does not end. */
  stop: () => Promise<void>;
}

/** Starts `node <cli>` over the place on a free loopback port; resolves once /health answers. */
export async function spawnHq(place: HqPlace, cli: string): Promise<ChildHq> {
  const port = await freePort();
  // BENCH_HQ_NODE_ARGS: extra Node flags for HQ, e.g. "--cpu-prof --cpu-prof-dir=DIR" to
  // profile it under the bench (docs/performance.md); Node refuses those in NODE_OPTIONS.
  const nodeArgs = process.env.BENCH_HQ_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, cli], {
    cwd: root,
    env: {
      ...process.env,
      HQ_PORT: String(port),
      HQ_HOST: '127.0.0.1',
      HQ_DATA_DIR: place.dataDir,
      HQ_DATABASE_URL: place.databaseUrl ?? '',
      HQ_ADMIN_TOKEN: adminToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test process (a worker that dies or times out).
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
    process.off('exit', orphanGuard);
  });

  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (gone) throw new Error(`HQ exited before answering /health:\n${output}`);
    try {
      const response = await fetch(`${url}${hqRoutes.health}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt >= 600) {
      child.kill('SIGKILL');
      throw new Error(`HQ did not answer /health:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  const waitGone = async () => {
    for (let i = 0; i < 400 && !gone; i++) await new Promise((r) => setTimeout(r, 25));
  };
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    kill: async (signal) => {
      if (!gone) child.kill(signal);
      await waitGone();
      if (!gone) throw new Error(`HQ ${child.pid} survived ${signal}`);
    },
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      await waitGone();
      if (!gone) {
        child.kill('SIGKILL');
        await waitGone();
      }
    },
  };
}

/**
 * A second look at a place's data from the test process, without migrating or
 * locking anything (SQLite read-only: HQ's process keeps writing meanwhile).
 */
export function inspectPlace(place: HqPlace): HqDatabase {
  const db = new Kysely<HqTables>({
    dialect: place.databaseUrl
      ? new PostgresDialect({
          pool: new pg.Pool({ connectionString: place.databaseUrl, max: 2 }),
        })
      : new SqliteDialect({
          database: new SqliteDatabase(join(place.dataDir, 'hq.sqlite'), { readonly: true }),
        }),
  });
  return {
    db,
    storage: place.databaseUrl ? 'postgres' : 'sqlite',
    schemaVersion: latestHqSchemaVersion,
    keyWrapping: keyWrappingFromFile(defaultKeyFile(place.dataDir)),
    close: () => db.destroy(),
  };
}

/**
 * Tells from outside whether HQ is in the middle of applying a device's batch: HQ holds
 * the device's row lock (PostgreSQL) or SQLite's write lock from the batch's first
 * statement to its commit. The probe never waits for the lock, and lets go at once.
 */
export function batchProbe(
  place: HqPlace,
  deviceId: string,
): { busy: () => Promise<boolean>; close: () => Promise<void> } {
  if (place.databaseUrl) {
    const pool = new pg.Pool({ connectionString: place.databaseUrl, max: 1 });
    return {
      busy: async () => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('select id from devices where id = $1 for update nowait', [deviceId]);
          return false;
        } catch (error) {
          if ((error as { code?: string }).code === '55P03') return true; // lock_not_available
          throw error;
        } finally {
          await client.query('rollback');
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const sqlite = new SqliteDatabase(join(place.dataDir, 'hq.sqlite'), { timeout: 0 });
  return {
    busy: async () => {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw error;
      }
      sqlite.exec('ROLLBACK');
      return false;
    },
    close: async () => {
      sqlite.close();
    },
  };
}

/** Creates an office (if new) and enrolls a device through the admin API, as the county would. */
/** A one-time enrollment code for the office (added first if HQ does not have it). */
export async function enrollmentCodeViaAdmin(url: string, officeId: string): Promise<string> {
  const office = await postJson(
    `${url}/v1/admin/offices`,
    { id: officeId, name: officeId },
    adminToken,
  );
  if (office.status !== 200 && office.status !== 409) {
    throw new Error(`office add failed: ${office.status} ${JSON.stringify(office.body)}`);
  }
  const code = await postJson(
    `${url}/v1/admin/offices/${officeId}/enrollment-codes`,
    {},
    adminToken,
  );
  if (code.status !== 200) throw new Error(`enroll-code failed: ${JSON.stringify(code.body)}`);
  return (code.body as { code: string }).code;
}

export async function enrollViaAdmin(
  url: string,
  officeId: string,
  deviceId: string,
): Promise<EnrollResponse> {
  const enrolled = await postJson(`${url}${hqRoutes.enroll}`, {
    code: await enrollmentCodeViaAdmin(url, officeId),
    deviceId,
    officeId,
    deviceName: `desk ${deviceId.slice(-4)}`,
    publicKeys: null,
  });
  if (enrolled.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
  return enrollResponseSchema.parse(enrolled.body);
}
