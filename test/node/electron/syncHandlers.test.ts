import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncHandlers } from '../../../electron/ipc/handlers/sync';
import { CredentialStore, type Encryption } from '../../../electron/sync/credentialStore';
import { fakeHqSigner, fakeNet } from '../../support/fakeHqAnswers';
import { queueEntry } from '../sync/deskSyncFakes';

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

const signer = await fakeHqSigner();
const enrolled = {
  deviceId: '0190f3a2-desk-0001',
  token: '0190f3a2-desk-0001.s3cr3t-token',
  officeId: '330102001',
  officeName: '城关镇民政办',
  hqTime,
  hqKeys: signer.publicKeys,
};
const enrollRequest = {
  hqUrl: 'https://hq.example.gov.cn/minzheng/',
  code: 'ABCD-EFGH-2026',
  officeId: '330102001',
  deviceId: '0190f3a2-desk-0001',
  deviceName: '城关镇民政办-01',
  publicKeys: { signing: 'DESK-SIGNING-SPKI', encryption: 'DESK-ENCRYPTION-SPKI' },
};

/** HQ's enrollment answer, signed for this device and code as HQ signs it. */
async function signedEnrollment(body: unknown = enrolled) {
  const signedFor = {
    answer: 'enroll',
    deviceId: enrollRequest.deviceId,
    code: enrollRequest.code,
  } as const;
  return { status: 200, body, signature: await signer.sign(JSON.stringify(body), signedFor) };
}

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
    net.answer(await signedEnrollment());
    const result = await handlers()['sync:enroll'](enrollRequest, event);
    expect(result).toEqual({
      deviceId: enrolled.deviceId,
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
      deviceId: enrolled.deviceId,
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
    net.answer({ status: 403, body: refusal });
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject(refusal);
    await expect(handlers()['sync:status'](undefined, event)).resolves.toMatchObject({
      enrolled: false,
    });
  });

  it('refuses an answer for another office', async () => {
    net.answer(await signedEnrollment({ ...enrolled, officeId: '330102999' }));
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

const opFixture = queueEntry();

describe('sync:request', () => {
  const pull = {
    route: 'pull' as const,
    body: { cursor: { office: 3, reference: 1 }, limit: 500 },
  };
  const page = { changes: [], cursor: { office: 3, reference: 1 }, hasMore: false, hqTime };

  async function enroll() {
    net.answer(await signedEnrollment());
    await handlers()['sync:enroll'](enrollRequest, event);
  }

  it('adds the bearer token itself and returns the checked answer', async () => {
    await enroll();
    net.answer({ status: 200, body: page, signature: 'as-received' });
    const answer = await handlers()['sync:request'](pull, event);
    // The page goes to the renderer as received: the engine checks its signature there.
    expect(answer).toEqual({
      body: new TextEncoder().encode(JSON.stringify(page)),
      signature: 'as-received',
    });
    const sent = net.sent[1];
    expect(sent?.url).toBe('https://hq.example.gov.cn/minzheng/v1/sync/pull');
    expect(sent?.init.headers.authorization).toBe(`Bearer ${enrolled.token}`);
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

  it('checks the request before sending, and passes the answer on as received', async () => {
    await enroll();
    const bad = { route: 'pull', body: { cursor: { office: -1, reference: 0 }, limit: 0 } };
    await expect(handlers()['sync:request'](bad as never, event)).rejects.toMatchObject({
      code: 'validation',
    });
    expect(net.sent).toHaveLength(1);
    await expect(
      handlers()['sync:request']({ route: 'push', body: { ops: [] } } as never, event),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(net.sent).toHaveLength(1);
    // A push answer goes to the renderer unparsed, with its signature header: the engine
    // checks the signature over these bytes before it parses or acknowledges anything.
    net.answer({ status: 200, body: { results: 'none' }, signature: 'as-received' });
    const nonce = 'nonce-0123456789abcdef';
    const answer = await handlers()['sync:request'](
      { route: 'push', body: { ops: [opFixture], nonce } },
      event,
    );
    expect(answer.signature).toBe('as-received');
    expect(JSON.parse(new TextDecoder().decode(answer.body))).toEqual({ results: 'none' });
    // The request's nonce survives the main process's check of the request.
    expect(net.sent[1]?.body).toMatchObject({ nonce });
  });

  it("words a proxy's error page or a captive portal as HQ being unreachable", async () => {
    await enroll();
    net.answer({ status: 502, body: '<html>Bad Gateway</html>' });
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unavailable',
      details: { status: 502 },
    });
    net.answer({ status: 200, body: '<html>请先登录上网认证</html>' });
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unavailable',
    });
    net.answer({
      status: 401,
      body: { code: 'unauthenticated', message: 'Unknown device token.' },
    });
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Unknown device token.',
    });
  });
});

describe('the address rule and signed enrollment in the main process', () => {
  const insecure = { fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.insecure' }] };
  const pull = { route: 'pull' as const, body: { cursor: { office: 0, reference: 0 }, limit: 5 } };

  it('refuses a plain-http LAN address before spending the code, unless the setting allows it', async () => {
    const lan = { ...enrollRequest, hqUrl: 'http://10.1.2.3:8787' };
    await expect(handlers()['sync:enroll'](lan, event)).rejects.toMatchObject(insecure);
    expect(net.sent).toEqual([]);
    net.answer(await signedEnrollment());
    await handlers()['sync:enroll']({ ...lan, allowInsecureHttp: true }, event);
    expect(net.sent.map((s) => s.url)).toEqual(['http://10.1.2.3:8787/v1/enroll']);
  });

  it('refuses a stored address edited to plain http on the LAN, before any request', async () => {
    net.answer(await signedEnrollment());
    await handlers()['sync:enroll'](enrollRequest, event);
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...stored, hqUrl: 'http://192.168.1.20:8787' }));
    await expect(handlers()['sync:request'](pull, event)).rejects.toMatchObject(insecure);
    await expect(
      handlers()['sync:request']({ route: 'push', body: { ops: [opFixture] } }, event),
    ).rejects.toMatchObject(insecure);
    expect(net.sent).toHaveLength(1);
  });

  it('keeps no credential from an enrollment answer signed by a key other than the one it carries', async () => {
    const other = await fakeHqSigner();
    const signedFor = {
      answer: 'enroll',
      deviceId: enrollRequest.deviceId,
      code: enrollRequest.code,
    } as const;
    net.answer({
      status: 200,
      body: enrolled,
      signature: await other.sign(JSON.stringify(enrolled), signedFor),
    });
    await expect(handlers()['sync:enroll'](enrollRequest, event)).rejects.toMatchObject({
      code: 'forbidden',
      fieldErrors: [
        { path: 'hqSignature', code: 'sync.bad_signature', params: { problem: 'other_key' } },
      ],
    });
    await expect(handlers()['sync:status'](undefined, event)).resolves.toMatchObject({
      enrolled: false,
    });
  });
});
