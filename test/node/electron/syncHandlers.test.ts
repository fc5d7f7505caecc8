import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncHandlers } from '../../../electron/ipc/handlers/sync';
import { CredentialStore, type Encryption } from '../../../electron/sync/credentialStore';
import {
  normalizeHqUrl,
  type FetchLike,
  type HttpRequestInit,
} from '../../../electron/sync/hqClient';

const event = { senderFrame: { url: 'app://desk/index.html' } } as unknown as IpcMainInvokeEvent;
const hqTime = '2026-03-02T01:00:00.000Z';

/** safeStorage stand-in: reversible, but never the plain text on disk. */
function fakeSafeStorage(available = true): Encryption {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

interface Sent {
  url: string;
  init: HttpRequestInit;
  body: unknown;
}

/** net.fetch stand-in: records each request and answers from a queue. */
function fakeNet() {
  const sent: Sent[] = [];
  const answers: (() => { status: number; body: string })[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, init, body: JSON.parse(init.body) });
    const answer = answers.shift();
    if (!answer) throw new TypeError('net::ERR_CONNECTION_REFUSED');
    const { status, body } = answer();
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
  const answer = (status: number, body: unknown) =>
    answers.push(() => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  return { fetch, sent, answer };
}

const enrolled = {
  deviceId: 'dev-0001',
  token: 'dev-0001.s3cr3t-token',
  officeId: '330102001',
  officeName: '城关镇民政办',
  hqTime,
  hqKeys: { signing: 'HQ-SIGNING-SPKI', encryption: 'HQ-ENCRYPTION-SPKI' },
};
const enrollRequest = {
  hqUrl: 'https://hq.example.gov.cn/minzheng/',
  code: 'ABCD-EFGH-2026',
  officeId: '330102001',
  deviceId: '0190f3a2-desk-0001',
  deviceName: '城关镇民政办-01',
  publicKeys: { signing: 'DESK-SIGNING-SPKI', encryption: 'DESK-ENCRYPTION-SPKI' },
};

let dir: string;
let file: string;
let net: ReturnType<typeof fakeNet>;
let encryption: Encryption;

const handlers = () =>
  syncHandlers({
    credentials: new CredentialStore({ file: () => file, encryption: () => encryption }),
    fetch: net.fetch,
  });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-sync-'));
  file = path.join(dir, 'userData', 'hq-credential.json');
  net = fakeNet();
  encryption = fakeSafeStorage();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sync:enroll', () => {
  it('enrolls with HQ and keeps the token encrypted in userData, out of the renderer', async () => {
    net.answer(200, enrolled);
    const result = await handlers()['sync:enroll'](enrollRequest, event);
    expect(result).toEqual({
      deviceId: 'dev-0001',
      officeId: '330102001',
      officeName: '城关镇民政办',
      hqTime,
      hqKeys: enrolled.hqKeys,
    });
    expect(net.sent[0]?.url).toBe('https://hq.example.gov.cn/minzheng/v1/enroll');
    expect(net.sent[0]?.init.headers).not.toHaveProperty('authorization');
    expect(net.sent[0]?.body).toEqual({
      code: 'ABCD-EFGH-2026',
      deviceId: '0190f3a2-desk-0001',
      officeId: '330102001',
      deviceName: '城关镇民政办-01',
      publicKeys: enrollRequest.publicKeys,
    });
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('s3cr3t');
    await expect(handlers()['sync:status'](undefined, event)).resolves.toEqual({
      enrolled: true,
      hqUrl: 'https://hq.example.gov.cn/minzheng',
      deviceId: 'dev-0001',
    });
  });

  it('refuses before spending the code when the OS offers no key storage', async () => {
    encryption = fakeSafeStorage(false);
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'no_key_storage' },
    });
    expect(net.sent).toEqual([]);
  });

  it("passes HQ's refusal through as sent and stores nothing", async () => {
    const refusal = {
      code: 'forbidden',
      message: 'The enrollment code was issued for another office.',
      fieldErrors: [{ path: 'officeId', code: 'enroll.office_mismatch' }],
    };
    net.answer(403, refusal);
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject(refusal);
    await expect(handlers()['sync:status'](undefined, event)).resolves.toMatchObject({
      enrolled: false,
    });
  });

  it('refuses an answer for another office', async () => {
    net.answer(200, { ...enrolled, officeId: '330102999' });
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject({
      code: 'forbidden',
      fieldErrors: [{ path: 'officeId', code: 'sync.enroll.officeMismatch' }],
    });
  });

  it('says unavailable when HQ cannot be reached, and validation for a bad address', async () => {
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject({
      code: 'unavailable',
    });
    await expect(
      handlers()['sync:enroll']({ ...enrollRequest, hqUrl: 'ftp://hq' }, event),
    ).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ path: 'hqUrl' }] });
    await expect(
      handlers()['sync:enroll']({ ...enrollRequest, code: 'x' }, event),
    ).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ path: 'code' }] });
  });
});

describe('sync:request', () => {
  const pull = {
    route: 'pull' as const,
    body: { cursor: { office: 3, reference: 1 }, limit: 500 },
  };
  const page = { changes: [], cursor: { office: 3, reference: 1 }, hasMore: false, hqTime };

  async function enroll() {
    net.answer(200, enrolled);
    await handlers()['sync:enroll'](enrollRequest, event);
  }

  it('adds the bearer token itself and returns the checked answer', async () => {
    await enroll();
    net.answer(200, page);
    await expect(handlers()['sync:request'](pull, event)).resolves.toEqual(page);
    const sent = net.sent[1];
    expect(sent?.url).toBe('https://hq.example.gov.cn/minzheng/v1/sync/pull');
    expect(sent?.init.headers.authorization).toBe('Bearer dev-0001.s3cr3t-token');
    expect(sent?.body).toEqual(pull.body);
  });

  it('is unauthenticated until enrolled, or when the credential cannot be decrypted', async () => {
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await enroll();
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...stored, encryptedToken: 'bm90IG91cnM=' }));
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'credential_unreadable' },
    });
  });

  it('checks the request before sending and the answer after', async () => {
    await enroll();
    const bad = { route: 'pull', body: { cursor: { office: -1, reference: 0 }, limit: 0 } };
    await expect(handlers()['sync:request'](bad as never, event)).rejects.toMatchObject({
      code: 'validation',
    });
    expect(net.sent).toHaveLength(1);
    net.answer(200, { changes: 'none' });
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it("words a proxy's error page or a captive portal as HQ being unreachable", async () => {
    await enroll();
    net.answer(502, '<html>Bad Gateway</html>');
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unavailable',
      details: { status: 502 },
    });
    net.answer(200, '<html>请先登录上网认证</html>');
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unavailable',
    });
    net.answer(401, { code: 'unauthenticated', message: 'Unknown device token.' });
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Unknown device token.',
    });
  });
});

describe('normalizeHqUrl', () => {
  it('keeps a path prefix, drops trailing slashes, refuses the rest', () => {
    expect(normalizeHqUrl(' http://10.1.2.3:8787/ ')).toBe('http://10.1.2.3:8787');
    expect(normalizeHqUrl('https://hq.example.gov.cn/mz//')).toBe('https://hq.example.gov.cn/mz');
    for (const bad of ['hq.example.gov.cn', 'file:///etc', 'https://u:p@hq', 'https://hq/?a=1']) {
      expect(() => normalizeHqUrl(bad), bad).toThrow(/http\(s\) URL/);
    }
  });
});
