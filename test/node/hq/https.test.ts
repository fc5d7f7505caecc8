import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { syncOnce } from '@shared/sync/engine';
import { postJsonToHq } from '@shared/sync/hqHttp';
import { hqRoutes } from '@shared/sync/httpApi';
import { healthResponseSchema } from '@shared/sync/protocol';
import { tlsFromEnv } from '../../../hq/src/config';
import { openHqDatabase, type HqDatabase } from '../../../hq/src/db/database';
import { buildServer } from '../../../hq/src/http/server';
import { addOffice, createEnrollmentCode } from '../../../hq/src/store/offices';
import { createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import { enrollWithKeys } from '../../../renderer/src/sync/packages/enrollWithKeys';
import { adminToken, hqOfficeRecords, nodeFetch } from '../../support/hqHarness';
import { buildHqCli, freePort } from '../../support/hqProcess';
import { httpsFetch, httpsGet, selfSignedCertificate } from '../../support/httpsFetch';
import { createPersons } from '../../support/officeWork';
import { openOfficeDesk } from '../../support/syncDesks';

/**
 * HQ serving HTTPS itself (HQ_TLS_CERT, HQ_TLS_KEY) with a self-signed certificate made
 * for the test; the desk's client trusts exactly that certificate.
 */
let dir = '';
let cert: Awaited<ReturnType<typeof selfSignedCertificate>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hq-tls-'));
  cert = await selfSignedCertificate(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('HQ_TLS_CERT and HQ_TLS_KEY', () => {
  it('are both or neither, and name the file that cannot be read', () => {
    expect(tlsFromEnv({})).toBeNull();
    expect(() => tlsFromEnv({ HQ_TLS_CERT: cert.certFile })).toThrow(/go together/);
    expect(() => tlsFromEnv({ HQ_TLS_KEY: cert.keyFile })).toThrow(/go together/);
    expect(() =>
      tlsFromEnv({ HQ_TLS_CERT: join(dir, 'missing.pem'), HQ_TLS_KEY: cert.keyFile }),
    ).toThrow(/HQ_TLS_CERT .*missing\.pem/);
    const tls = tlsFromEnv({ HQ_TLS_CERT: cert.certFile, HQ_TLS_KEY: cert.keyFile });
    expect(tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
  });
});

describe('a desk syncing with HQ over HTTPS', () => {
  let hq: HqDatabase;
  let server: FastifyInstance;
  let url = '';

  beforeAll(async () => {
    hq = await openHqDatabase({ dataDir: join(dir, 'data'), databaseUrl: null });
    const tls = tlsFromEnv({ HQ_TLS_CERT: cert.certFile, HQ_TLS_KEY: cert.keyFile });
    server = buildServer({ hq, adminToken: null, tls });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await addOffice(hq.db, { id: 'office-a', name: '城关镇民政办' }, new Date());
  });
  afterAll(async () => {
    await server?.close();
    await hq?.close();
  });

  it('enrolls, pushes and pulls, trusting exactly the certificate HQ was given', async () => {
    const desk = await openOfficeDesk('office-a', 'tls');
    const transport = createWebTransport(desk.db, httpsFetch(cert.cert));
    await enrollWithKeys(desk.db, transport, {
      hqUrl: url,
      code: await createEnrollmentCode(hq.db, 'office-a', new Date()),
      officeId: 'office-a',
      deviceId: desk.deviceId,
      deviceName: 'desk tls',
    });
    await createPersons(desk, 2);
    const report = await syncOnce(desk.store, transport);
    expect(report).toMatchObject({ pushed: 2 + 4, rejected: 0 }); // the persons; the setup's accounts and settings
    expect(report.pulled).toBeGreaterThan(0); // the reference data, and its own records back
    const atHq = [...(await hqOfficeRecords(hq, 'office-a')).values()].map((r) => r.kind);
    expect(atHq.filter((kind) => kind === 'person')).toHaveLength(2);
    expect(await desk.db.queue.count()).toBe(0);
  });

  it('is unreachable for a client that does not trust the certificate (TLS is verified)', async () => {
    const health = { baseUrl: url, route: hqRoutes.health, body: {} } as const;
    await expect(postJsonToHq(nodeFetch, health, healthResponseSchema)).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});

describe('npm run hq with a certificate', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('serves HTTPS (node dist/hq/cli.cjs, as `npm run hq` runs it)', async () => {
    const { cli, remove } = await buildHqCli();
    try {
      const port = await freePort();
      const child = spawn(process.execPath, [cli], {
        env: {
          ...process.env,
          HQ_PORT: String(port),
          HQ_HOST: '127.0.0.1',
          HQ_DATA_DIR: join(dir, 'cli-data'),
          HQ_DATABASE_URL: '',
          HQ_ADMIN_TOKEN: adminToken,
          HQ_TLS_CERT: cert.certFile,
          HQ_TLS_KEY: cert.keyFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      stops.push(() => child.kill('SIGKILL'));
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      for (let i = 0; i < 400 && !output.includes('HQ listening'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(output).toContain(`HQ listening on https://127.0.0.1:${port}`);
      const response = await httpsGet(`https://127.0.0.1:${port}/health`, cert.cert);
      expect(response.status).toBe(200);
      expect(healthResponseSchema.parse(JSON.parse(response.text)).storage).toBe('sqlite');
    } finally {
      await remove();
    }
  });
});
