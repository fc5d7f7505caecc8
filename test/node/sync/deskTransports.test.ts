import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import type { DeskApi, SyncHttpRequest } from '@shared/ipc/contract';
import { createElectronTransport } from '../../../renderer/src/sync/httpTransport.electron';
import { createWebTransport, type WebFetch } from '../../../renderer/src/sync/httpTransport.web';
import { loadWebCredential, type MetaStore } from '../../../renderer/src/sync/syncMeta';

const hqTime = '2026-03-02T01:00:00.000Z';
const page = { changes: [], cursor: { office: 0, reference: 0 }, hasMore: false, hqTime };
const pullBody = { cursor: { office: 0, reference: 0 }, limit: 100 };

function memoryMeta(): MetaStore {
  const rows = new Map<string, unknown>();
  return {
    meta: {
      get: async (key) => (rows.has(key) ? { key, value: rows.get(key) } : undefined),
      put: async (row) => rows.set(row.key, row.value),
    },
  };
}

function fakeFetch(answers: { status: number; body: unknown }[]) {
  const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetch: WebFetch = async (url, init) => {
    sent.push({ url, headers: init.headers, body: JSON.parse(init.body) });
    const answer = answers.shift();
    if (!answer) throw new TypeError('Failed to fetch');
    return {
      ok: answer.status < 300,
      status: answer.status,
      text: async () => JSON.stringify(answer.body),
    };
  };
  return { fetch, sent };
}

describe('the browser transport', () => {
  const enrolled = {
    deviceId: 'dev-1',
    token: 'dev-1.token',
    officeId: '330102001',
    officeName: '城关镇民政办',
    hqTime,
    hqKeys: { signing: 'HQ-SIGNING-SPKI', encryption: 'HQ-ENCRYPTION-SPKI' },
  };
  const input = {
    hqUrl: 'http://127.0.0.1:8787/',
    code: 'CODE-2026',
    officeId: '330102001',
    deviceId: '0190f3a2-desk-0001',
    publicKeys: { signing: 'DESK-SIGNING-SPKI', encryption: 'DESK-ENCRYPTION-SPKI' },
  };

  it('enrolls, keeps the credential in IndexedDB meta and sends it as a bearer token', async () => {
    const meta = memoryMeta();
    const net = fakeFetch([
      { status: 200, body: enrolled },
      { status: 200, body: page },
    ]);
    const transport = createWebTransport(meta, net.fetch);
    await expect(transport.status()).resolves.toMatchObject({ enrolled: false });
    const result = await transport.enroll({ ...input, deviceName: '浏览器' });
    expect(result).toEqual({
      deviceId: 'dev-1',
      officeId: '330102001',
      officeName: '城关镇民政办',
      hqTime,
      hqKeys: enrolled.hqKeys,
    });
    expect(await loadWebCredential(meta)).toMatchObject({
      hqUrl: 'http://127.0.0.1:8787',
      token: 'dev-1.token',
    });
    await expect(transport.pull(pullBody)).resolves.toEqual(page);
    expect(net.sent.map((s) => s.url)).toEqual([
      'http://127.0.0.1:8787/v1/enroll',
      'http://127.0.0.1:8787/v1/sync/pull',
    ]);
    expect(net.sent[0]?.body).toMatchObject({
      deviceId: '0190f3a2-desk-0001',
      publicKeys: input.publicKeys,
    });
    expect(net.sent[1]?.headers.authorization).toBe('Bearer dev-1.token');
  });

  it("maps failures: unreachable, HQ's own error, an answer it does not understand", async () => {
    const meta = memoryMeta();
    const refusal = { code: 'forbidden', message: 'Code issued for another office.' };
    const net = fakeFetch([
      { status: 403, body: refusal },
      { status: 200, body: enrolled },
      { status: 200, body: { results: 'x' } },
    ]);
    const transport = createWebTransport(meta, net.fetch);
    await expect(transport.enroll({ ...input, deviceName: 'a' })).rejects.toMatchObject(refusal);
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unauthenticated' });
    await transport.enroll({ ...input, deviceName: 'a' });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'internal' });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('the Electron transport', () => {
  function api(answer: (request: SyncHttpRequest) => unknown) {
    const calls: SyncHttpRequest[] = [];
    const syncApi: Pick<DeskApi, 'enrollSync' | 'syncStatus' | 'syncRequest'> = {
      enrollSync: () => Promise.reject(new Error('unused')),
      syncStatus: async () => ({ enrolled: true, hqUrl: 'http://hq', deviceId: 'd' }),
      syncRequest: async (request) => {
        calls.push(request);
        return answer(request) as never;
      },
    };
    return { transport: createElectronTransport(syncApi), calls };
  }

  it('sends push and pull over the IPC contract and checks the answers again', async () => {
    const { transport, calls } = api(() => page);
    await expect(transport.pull(pullBody)).resolves.toEqual(page);
    expect(calls).toEqual([{ route: 'pull', body: pullBody }]);
    await expect(transport.push({ ops: [] })).rejects.toMatchObject({ code: 'internal' });
  });

  it('lets the AppErrors of the main process through', async () => {
    const { transport } = api(() => {
      throw new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
    });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
