import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { postToHq, type HqFetch } from '@shared/sync/hqHttp';
import type { SignedAnswer } from '@shared/sync/hqSignature';
import { hqRoutes } from '@shared/sync/httpApi';
import type { SyncTransport } from '@shared/sync/ports';
import {
  enrollResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
  type PushResponse,
} from '@shared/sync/protocol';
import { openHqDatabase, type HqDatabase } from '../../hq/src/db/database';
import { buildServer, type ServerDeps } from '../../hq/src/http/server';
import { addOffice, createEnrollmentCode } from '../../hq/src/store/offices';
import { publishStandard } from '../../hq/src/sync/hqChanges';

/**
 * The real HQ server on loopback, over embedded SQLite in a temp dir, or over the
 * PostgreSQL named by HQ_TEST_DATABASE_URL (a fresh schema per place, so tests never
 * see each other's data).
 */
export interface RunningHq {
  url: string;
  hq: HqDatabase;
  app: FastifyInstance;
  adminToken: string;
  stop: () => Promise<void>;
}

export const adminToken = 'test-admin-token';

/** A storage the HQ suite runs against: SQLite always, PostgreSQL when a URL is given. */
export interface HqStorage {
  kind: 'sqlite' | 'postgres';
  /** The server's URL (PostgreSQL); each place gets its own schema in it. */
  serverUrl: string | null;
}

const postgresUrl = process.env.HQ_TEST_DATABASE_URL || null;

export const hqStorages: HqStorage[] = [
  { kind: 'sqlite', serverUrl: null },
  ...(postgresUrl ? [{ kind: 'postgres' as const, serverUrl: postgresUrl }] : []),
];

/** Why the PostgreSQL half of the suite did not run, or null when it does. */
export const postgresMissing = postgresUrl
  ? null
  : 'HQ_TEST_DATABASE_URL is not set: the HQ suite ran on SQLite only (test/support/withPostgres.sh runs it with a throwaway PostgreSQL).';

const defaultStorage: HqStorage = hqStorages[hqStorages.length - 1] ?? {
  kind: 'sqlite',
  serverUrl: null,
};

/**
 * Where one HQ keeps its data: a fresh SQLite data dir, or a fresh PostgreSQL schema
 * (the URL carries `search_path`, so a child process given it lands there too). Several
 * HQs may share one place (restart, scale-out); `drop` removes it.
 */
export interface HqPlace {
  storage: HqStorage;
  dataDir: string;
  databaseUrl: string | null;
  drop: () => Promise<void>;
}

/**
 * A fresh, empty HQ database (SQLite in a temp dir, or a schema of its own on the test
 * PostgreSQL) where the county has published its 低保 standard for the test area, as an
 * HQ in service has: HQ recomputes every case's benefit against it. The amounts are those
 * of the desks' sample standard, so the desks' figures agree.
 */
export async function freshPlace(storage: HqStorage = defaultStorage): Promise<HqPlace> {
  const place = await emptyPlace(storage);
  // A key file of its own, removed after: the place holds no keys yet, so HQ makes its
  // key file where its own settings say when it first starts there.
  const seedKeyFile = join(await mkdtemp(join(tmpdir(), 'hq-seed-')), 'seed.key');
  const hq = await openHqDatabase({
    dataDir: place.dataDir,
    databaseUrl: place.databaseUrl,
    keyFile: seedKeyFile,
  });
  try {
    await publishCountyStandards(hq);
  } finally {
    await hq.close();
    await rm(dirname(seedKeyFile), { recursive: true, force: true });
  }
  return place;
}

export const countyStandards = [
  { category: 'urban', amountFen: 80000 },
  { category: 'rural', amountFen: 63200 },
] as const;

async function publishCountyStandards(hq: HqDatabase): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  for (const { category, amountFen } of countyStandards) {
    const standard = {
      areaCode: '330102',
      category,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      amountFen,
      note: '',
    };
    await publishStandard(hq.db, standard, '县民政局', at);
  }
}

/** A place with no HQ database in it yet (migration tests build older schemas there). */
export async function emptyPlace(storage: HqStorage = defaultStorage): Promise<HqPlace> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hq-'));
  if (!storage.serverUrl) {
    return {
      storage,
      dataDir,
      databaseUrl: null,
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `hq_test_${randomBytes(6).toString('hex')}`;
  await onServer(storage.serverUrl, `create schema ${schema}`);
  const separator = storage.serverUrl.includes('?') ? '&' : '?';
  return {
    storage,
    dataDir,
    databaseUrl: `${storage.serverUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      await onServer(storage.serverUrl ?? '', `drop schema if exists ${schema} cascade`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Starts HQ in this process. Given `dataDir`/`databaseUrl`, it serves that data and
 * leaves it in place (a restart, a second server); otherwise it gets a fresh place of
 * `storage` (default: PostgreSQL when configured, else SQLite), dropped on stop.
 * `server` sets more of the server's options (its log, rate limits).
 */
export async function startHq(
  options: {
    dataDir?: string;
    databaseUrl?: string | null;
    storage?: HqStorage;
    server?: Partial<Omit<ServerDeps, 'hq'>>;
  } = {},
): Promise<RunningHq> {
  const own =
    options.dataDir === undefined && options.databaseUrl === undefined
      ? await freshPlace(options.storage)
      : null;
  const dataDir = own?.dataDir ?? options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hq-')));
  const databaseUrl = own ? own.databaseUrl : (options.databaseUrl ?? null);
  const hq = await openHqDatabase({ dataDir, databaseUrl });
  // Tests enroll many desks from one address: no enrollment limit unless a test sets one.
  const app = buildServer({ hq, adminToken, enrollLimit: null, ...options.server });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hq,
    app,
    adminToken,
    stop: async () => {
      await app.close();
      await hq.close();
      if (own) await own.drop();
      else if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts HQ over a place (or several HQs over one place, one call each). */
export function startHqAt(place: HqPlace): Promise<RunningHq> {
  return startHq({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
}

export async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Calls the county's admin API (`/v1/admin/...`) with the test admin token. */
export async function adminPost(
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  return postJson(`${baseUrl}/v1/admin${path}`, body, adminToken);
}

/** Creates an office (if new) and enrolls one device for it. */
export async function enrollDesk(
  hq: Pick<RunningHq, 'url' | 'hq'>,
  officeId: string,
  deviceId: string,
  deviceName = `desk ${deviceId.slice(-4)}`,
): Promise<EnrollResponse> {
  const offices = await hq.hq.db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', officeId)
    .execute();
  if (offices.length === 0)
    await addOffice(hq.hq.db, { id: officeId, name: `${officeId} 民政办` }, new Date());
  const code = await createEnrollmentCode(hq.hq.db, officeId, new Date());
  const { status, body } = await postJson(`${hq.url}${hqRoutes.enroll}`, {
    code,
    deviceId,
    officeId,
    deviceName,
    publicKeys: null,
  });
  if (status !== 200) throw new Error(`enroll failed: ${status} ${JSON.stringify(body)}`);
  return enrollResponseSchema.parse(body);
}

/** Node's fetch with the desk client's timeout as an AbortSignal (shared/sync/hqHttp.ts). */
export const nodeFetch: HqFetch = (url, { timeoutMs, ...init }) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });

/**
 * The protocol over Node's fetch through the desks' own HTTP client, as the browser
 * build's transport does over window.fetch: push answers and pull pages come back as
 * received, for the engine to check their signature.
 */
export function httpTransport(baseUrl: () => string, token: string): SyncTransport {
  return {
    push: (request) =>
      postToHq(nodeFetch, { baseUrl: baseUrl(), route: hqRoutes.push, body: request, token }),
    pull: (request) =>
      postToHq(nodeFetch, { baseUrl: baseUrl(), route: hqRoutes.pull, body: request, token }),
  };
}

/**
 * What HQ answered a push, read without checking its signature: for tests that look at
 * HQ's results themselves. The engine never does this (it opens the answer with
 * openPushAnswer, shared/sync/hqSignature.ts).
 */
export function pushAnswer(signed: SignedAnswer): PushResponse {
  return pushResponseSchema.parse(JSON.parse(new TextDecoder().decode(signed.body)));
}

/** How many rows each HQ table holds, and each stream's counter: "nothing changed" is equality. */
export async function hqRowCounts(hq: HqDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'offices',
    'devices',
    'enrollment_codes',
    'records',
    'changes',
    'applied_ops',
    'hq_meta',
  ] as const) {
    const row = await hq.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  for (const stream of await hq.db.selectFrom('streams').selectAll().orderBy('id').execute()) {
    counts[`stream ${stream.id}`] = Number(stream.seq);
  }
  for (const device of await hq.db.selectFrom('devices').selectAll().orderBy('id').execute()) {
    counts[`device ${device.id} last_seq`] = Number(device.last_seq);
  }
  return counts;
}

/** A record as HQ holds it, in the terms the comparison with a desk uses. */
export interface ComparableRecord {
  kind: string;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

/** Every record HQ holds for an office, keyed `kind:id`. */
export async function hqOfficeRecords(
  hq: HqDatabase,
  officeId: string,
): Promise<Map<string, ComparableRecord>> {
  const rows = await hq.db
    .selectFrom('records')
    .selectAll()
    .where('office_id', '=', officeId)
    .execute();
  return new Map(
    rows.map((row) => [
      `${row.kind}:${row.id}`,
      {
        kind: row.kind,
        id: row.id,
        version: Number(row.version),
        deleted: Boolean(row.deleted),
        data: JSON.parse(row.data) as Record<string, unknown>,
      },
    ]),
  );
}
