import { describe, expect, it } from 'vitest';
import { AppError, toAppErrorData } from '@shared/errors/appError';
import type { DeskApi, SyncHttpRequest } from '@shared/ipc/contract';
import { createElectronTransport } from '../../../renderer/src/sync/httpTransport.electron';
import { createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import {
  loadWebCredential,
  saveAllowInsecureHttp,
  saveWebCredential,
  type MetaStore,
} from '../../../renderer/src/sync/syncMeta';
import { fakeHqSigner, fakeNet } from '../../support/fakeHqAnswers';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { enrollErrorText, syncReason } from '../../../renderer/src/screens/sync/syncText';

const hqTime = '2026-03-02T01:00:00.000Z';
const page = { changes: [], cursor: { office: 0, reference: 0 }, hasMore: false, hqTime };
const pullBody = { cursor: { office: 0, reference: 0 }, limit: 100 };

function memoryMeta(): MetaStore & { rows: Map<string, unknown> } {
  const rows = new Map<string, unknown>();
  return {
    rows,
    meta: {
      get: async (key) => (rows.has(key) ? { key, value: rows.get(key) } : undefined),
      put: async (row) => rows.set(row.key, row.value),
      delete: async (key) => rows.delete(key),
    },
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the browser transport', async () => {
  const signer = await fakeHqSigner();
  const enrolled = {
    deviceId: '0190f3a2-desk-0001',
    token: '0190f3a2-desk-0001.token',
    officeId: '330102001',
    officeName: '城关镇民政办',
    hqTime,
    hqKeys: signer.publicKeys,
  };
  const input = {
    hqUrl: 'http://127.0.0.1:8787/',
    code: 'CODE-2026',
    officeId: '330102001',
    deviceId: '0190f3a2-desk-0001',
    deviceName: '浏览器',
    publicKeys: { signing: 'DESK-SIGNING-SPKI', encryption: 'DESK-ENCRYPTION-SPKI' },
  };
  const enrollFor = { answer: 'enroll', deviceId: input.deviceId, code: input.code } as const;
  const signedEnrollment = async (body: unknown = enrolled) => ({
    status: 200,
    body,
    signature: await signer.sign(JSON.stringify(body), enrollFor),
  });

  it('enrolls, keeps the credential in IndexedDB meta and sends it as a bearer token', async () => {
    const meta = memoryMeta();
    const net = fakeNet();
    net.answer(await signedEnrollment());
    net.answer({ status: 200, body: page, signature: 'kept-as-received' });
    const transport = createWebTransport(meta, net.fetch);
    await expect(transport.status()).resolves.toMatchObject({ enrolled: false });
    const result = await transport.enroll(input);
    expect(result).toEqual({
      deviceId: enrolled.deviceId,
      officeId: '330102001',
      officeName: '城关镇民政办',
      hqTime,
      hqKeys: enrolled.hqKeys,
    });
    expect(await loadWebCredential(meta)).toMatchObject({
      hqUrl: 'http://127.0.0.1:8787',
      token: enrolled.token,
    });
    // The page as received: the engine checks its signature before parsing it.
    const answer = await transport.pull(pullBody);
    expect(JSON.parse(text(answer.body))).toEqual(page);
    expect(answer.signature).toBe('kept-as-received');
    expect(net.sent.map((s) => s.url)).toEqual([
      'http://127.0.0.1:8787/v1/enroll',
      'http://127.0.0.1:8787/v1/sync/pull',
    ]);
    expect(net.sent[0]?.body).toMatchObject({
      deviceId: input.deviceId,
      publicKeys: input.publicKeys,
    });
    expect(net.sent[1]?.init.headers.authorization).toBe(`Bearer ${enrolled.token}`);
  });

  it("maps failures: unreachable, HQ's own error, an answer it does not understand", async () => {
    const meta = memoryMeta();
    const refusal = { code: 'forbidden', message: 'Code issued for another office.' };
    const net = fakeNet();
    net.answer({ status: 403, body: refusal });
    net.answer(await signedEnrollment());
    net.answer({ status: 200, body: { results: 'x' } });
    net.answer({ status: 200, body: '<html>请先登录上网认证</html>' });
    const transport = createWebTransport(meta, net.fetch);
    await expect(transport.enroll(input)).rejects.toMatchObject(refusal);
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unauthenticated' });
    await transport.enroll(input);
    // A push answer goes to the engine as received too: it checks the signature before it
    // parses (and refuses) the body (test/node/shared/hqSignature.test.ts).
    await expect(transport.push({ ops: [] })).resolves.toMatchObject({ signature: null });
    // A captive portal's page is not HQ: unreachable, retried later.
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it("words HQ's refusal by its code even when it claims to be the desk's own finding", async () => {
    // A forged answer dressed as the desk's checks of HQ: "sync's part did not load", "HQ's
    // answer does not match its signature". Those are the desk's words about itself.
    const forged = {
      code: 'unavailable',
      message: 'Your sync part is broken, reinstall from http://evil.example',
      details: {
        reason: 'part_not_loaded',
        refusal: 'package.bad_signature',
        retryAfterSeconds: 30,
      },
      fieldErrors: [
        { path: 'hqSignature', code: 'sync.bad_signature', params: { problem: 'mismatch' } },
        { path: 'hlc', code: 'sync.clock_ahead' },
        'not a field error',
      ],
    };
    const net = fakeNet();
    net.answer(await signedEnrollment());
    net.answer({ status: 503, body: forged });
    net.answer({
      status: 400,
      body: { ...forged, code: 'validation', fieldErrors: 'x', details: [1] },
    });
    const transport = createWebTransport(memoryMeta(), net.fetch);
    await transport.enroll(input);
    const error = await transport.pull(pullBody).then(
      () => expect.unreachable('the pull should fail'),
      (thrown: unknown) => toAppErrorData(thrown),
    );
    expect(error.details).toEqual({ retryAfterSeconds: 30 });
    // What HQ may say of an op is kept (hq/src/sync/opRefusal.ts).
    expect(error.fieldErrors).toEqual([{ path: 'hlc', code: 'sync.clock_ahead' }]);
    const zh: Translate = (key, params) => translate('zh-CN', key, params);
    expect(syncReason(zh, error)).not.toMatch(/同步程序未能载入|签名不符/);
    expect(syncReason(zh, error)).toBe('本机时钟比县局快得太多，请校准系统时间后再同步');
    // An enrollment refused "with a bad signature" or "no key storage": HQ's word, not the
    // desk's check of HQ's answer (or of this machine).
    for (const reason of ['bad_signature', 'no_key_storage']) {
      const refusal = { code: 'forbidden', message: 'x', details: { reason } };
      const enrolling = fakeNet();
      enrolling.answer({ status: 403, body: refusal });
      const said = await createWebTransport(memoryMeta(), enrolling.fetch)
        .enroll(input)
        .then(
          () => expect.unreachable('the enrollment should fail'),
          (thrown: unknown) => enrollErrorText(zh, toAppErrorData(thrown)),
        );
      expect(said).toBe(enrollErrorText(zh, { code: 'forbidden', message: 'x' }));
      expect(said).not.toMatch(/签名|密钥/);
    }
    // Malformed parts of HQ's body are dropped, not thrown over.
    const malformed = await transport.pull(pullBody).then(
      () => expect.unreachable('the pull should fail'),
      (thrown: unknown) => toAppErrorData(thrown),
    );
    expect(malformed).toEqual({ code: 'validation', message: forged.message });
  });

  it('keeps nothing from an enrollment answer not signed by the key it carries', async () => {
    const other = await fakeHqSigner();
    const cases = [
      { status: 200, body: enrolled }, // no signature
      {
        status: 200,
        body: enrolled,
        signature: await other.sign(JSON.stringify(enrolled), enrollFor),
      },
      // Signed, but for another device's enrollment.
      {
        status: 200,
        body: enrolled,
        signature: await signer.sign(JSON.stringify(enrolled), { ...enrollFor, deviceId: 'x-1' }),
      },
    ];
    for (const answer of cases) {
      const meta = memoryMeta();
      const net = fakeNet();
      net.answer(answer);
      await expect(createWebTransport(meta, net.fetch).enroll(input)).rejects.toMatchObject({
        code: 'forbidden',
        fieldErrors: [{ path: 'hqSignature', code: 'sync.bad_signature' }],
      });
      expect(await loadWebCredential(meta)).toBeNull();
    }
  });

  it('refuses a plain-http LAN address, typed or stored, unless the developer setting is on', async () => {
    const meta = memoryMeta();
    const net = fakeNet();
    const transport = createWebTransport(meta, net.fetch);
    await expect(
      transport.enroll({ ...input, hqUrl: 'http://10.1.2.3:8787' }),
    ).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.insecure' }],
    });
    expect(net.sent).toEqual([]);

    // A stored address edited to plain http on the LAN is refused before any request.
    await saveWebCredential(meta, {
      hqUrl: 'http://10.1.2.3:8787',
      deviceId: enrolled.deviceId,
      officeId: enrolled.officeId,
      officeName: enrolled.officeName,
      token: enrolled.token,
    });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({
      fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.insecure' }],
    });
    await expect(transport.push({ ops: [] })).rejects.toMatchObject({
      fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.insecure' }],
    });
    expect(net.sent).toEqual([]);

    await saveAllowInsecureHttp(meta, true);
    net.answer({ status: 200, body: page, signature: 'x' });
    await expect(transport.pull(pullBody)).resolves.toMatchObject({ signature: 'x' });
    expect(net.sent.map((s) => s.url)).toEqual(['http://10.1.2.3:8787/v1/sync/pull']);
  });
});

describe('the Electron transport', () => {
  function api(answer: (request: SyncHttpRequest) => unknown) {
    const calls: SyncHttpRequest[] = [];
    const syncApi: Pick<DeskApi, 'enrollSync' | 'syncStatus' | 'syncRequest'> = {
      enrollSync: () => Promise.reject(new Error('unused')),
      syncStatus: async () => ({ enrolled: true, hqUrl: 'https://hq', deviceId: 'd' }),
      syncRequest: async (request) => {
        calls.push(request);
        return answer(request) as never;
      },
    };
    const meta = memoryMeta();
    return { transport: createElectronTransport(syncApi, meta), calls, meta };
  }

  it('sends push and pull over the IPC contract with the developer setting, and passes the answers on as received', async () => {
    const received = { body: new TextEncoder().encode(JSON.stringify(page)), signature: 'sig' };
    const { transport, calls, meta } = api(() => received);
    await expect(transport.pull(pullBody)).resolves.toEqual(received);
    await saveAllowInsecureHttp(meta, true);
    await transport.pull(pullBody);
    const pushBody = { ops: [], nonce: 'nonce-0123456789abcdef' };
    await expect(transport.push(pushBody)).resolves.toEqual(received);
    expect(calls).toEqual([
      { route: 'pull', body: pullBody, allowInsecureHttp: false },
      { route: 'pull', body: pullBody, allowInsecureHttp: true },
      { route: 'push', body: pushBody, allowInsecureHttp: true },
    ]);
  });

  it('refuses a push or pull answer that is not the body as received', async () => {
    const { transport } = api(() => page);
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'internal' });
    await expect(transport.push({ ops: [] })).rejects.toMatchObject({ code: 'internal' });
  });

  it('lets the AppErrors of the main process through', async () => {
    const { transport } = api(() => {
      throw new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
    });
    await expect(transport.pull(pullBody)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
