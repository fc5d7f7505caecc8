import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError, isAppErrorData } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import type { SyncTransport } from '@shared/sync/ports';
import {
  enrollResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
} from '@shared/sync/protocol';
import { openHqDatabase, type HqDatabase } from '../../hq/src/db/database';
import { buildServer } from '../../hq/src/http/server';
import { addOffice, createEnrollmentCode } from '../../hq/src/store/offices';

/**
 * The real HQ server on loopback, over embedded SQLite in a temp dir, or over the
 * PostgreSQL named by HQ_TEST_DATABASE_URL (a fresh schema per harness).
 */
export interface RunningHq {
  url: string;
  hq: HqDatabase;
  app: FastifyInstance;
  adminToken: string;
  stop: () => Promise<void>;
}

export const adminToken = 'test-admin-token';

export async function startHq(
  options: { dataDir?: string; databaseUrl?: string | null } = {},
): Promise<RunningHq> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hq-')));
  const databaseUrl =
    options.databaseUrl === undefined
      ? (process.env.HQ_TEST_DATABASE_URL ?? null)
      : options.databaseUrl;
  const hq = await openHqDatabase({ dataDir, databaseUrl });
  const app = buildServer({ hq, adminToken });
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
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
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

/** Creates an office (if new) and enrolls one device for it. */
export async function enrollDesk(
  hq: RunningHq,
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
    publicKey: null,
  });
  if (status !== 200) throw new Error(`enroll failed: ${status} ${JSON.stringify(body)}`);
  return enrollResponseSchema.parse(body);
}

/** The protocol over Node's fetch, as the browser build's transport does over window.fetch. */
export function httpTransport(baseUrl: () => string, token: string): SyncTransport {
  const call = async (route: string, body: unknown) => {
    let result;
    try {
      result = await postJson(`${baseUrl()}${route}`, body, token);
    } catch {
      throw new AppError({ code: 'unavailable', message: 'HQ is not reachable.' });
    }
    if (result.status !== 200) {
      throw isAppErrorData(result.body)
        ? new AppError(result.body)
        : new AppError({ code: 'internal', message: `HTTP ${result.status}` });
    }
    return result.body;
  };
  return {
    push: async (request) => pushResponseSchema.parse(await call(hqRoutes.push, request)),
    pull: async (request) => pullResponseSchema.parse(await call(hqRoutes.pull, request)),
  };
}
