import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import { syncOnce } from '@shared/sync/engine';
import { signHqAnswer } from '@shared/sync/hqSignature';
import type { SyncTransport } from '@shared/sync/ports';
import type { SyncCursor } from '@shared/sync/protocol';
import { loadHqKeys as loadHqServerKeys } from '../../../hq/src/store/hqKeys';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import { enrollWithKeys } from '../../../renderer/src/sync/packages/enrollWithKeys';
import { loadHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { loadWebCredential } from '../../../renderer/src/sync/syncMeta';
import { nodeFetch, startHq, type RunningHq } from '../../support/hqHarness';
import { realTransports } from '../../support/realTransports';
import { startHostileProxy, type Exchange, type HostileProxy } from '../../support/hostileProxy';
import { createPersons } from '../../support/officeWork';
import {
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * The desk's transport side against a hostile HQ or network: the real HQ on loopback
 * behind a proxy that rewrites its answers, real desks (the engine, DexieSyncStore on
 * fake-indexeddb). Every forged, altered or replayed answer is refused with
 * sync.bad_signature, and the desk applies nothing: same records, cursor unmoved.
 */
let hq: RunningHq;
let proxy: HostileProxy;
let colleague: SyncDesk;
let desk: SyncDesk;

const isPull = (e: Exchange) => e.path === '/v1/sync/pull';
const isEnroll = (e: Exchange) => e.path === '/v1/enroll';

beforeEach(async () => {
  hq = await startHq();
  proxy = await startHostileProxy(hq.url);
  // The desk under test enrolls and catches up; then a colleague's desk of the same
  // office sends HQ three persons, which the desk's next pull brings.
  desk = await openOfficeDesk('office-a', 'a');
  await enroll(desk, hq);
  await sync(desk);
  colleague = await openOfficeDesk('office-a', 'b');
  await enroll(colleague, hq);
  await createPersons(colleague, 3);
  await sync(colleague);
  desk.baseUrl = proxy.url;
});

afterEach(async () => {
  await proxy.close();
  await hq.stop();
});

/** What a pull could change at the desk. */
async function deskState(of: SyncDesk) {
  return {
    cursor: await of.store.cursor(),
    records: [...(await deskOfficeRecords(of)).keys()].sort(),
    persons: await of.db.persons.count(),
    hlc: (await of.db.meta.get('hlc'))?.value,
  };
}

function refusal(problem: 'missing' | 'other_key' | 'mismatch') {
  return {
    code: 'forbidden',
    fieldErrors: [{ path: 'hqSignature', code: 'sync.bad_signature', params: { problem } }],
  };
}

/** A signer that is not HQ: an attacker's own P-256 key. */
async function attacker() {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  return {
    publicKeys,
    privateKey: keys.signing.privateKey,
    keyId: await keyId(publicKeys.signing),
  };
}

/** The pull request's binding, as the page's signature must cover it. */
function pulledFor(e: Exchange, deviceId: string) {
  return {
    answer: 'pull',
    deviceId,
    cursor: e.request.cursor as SyncCursor,
    nonce: String(e.request.nonce),
  } as const;
}

async function expectRefusedWithNothingApplied(
  problem: 'missing' | 'other_key' | 'mismatch',
  transport: SyncTransport | undefined = desk.transport ?? undefined,
) {
  const before = await deskState(desk);
  await expect(syncOnce(desk.store, transport as SyncTransport)).rejects.toMatchObject(
    refusal(problem),
  );
  expect(await deskState(desk)).toEqual(before);
  expect(before.persons).toBe(0);
}

/** The same desk, honest answers again: it pulls the colleague's persons (the setup works). */
async function expectHonestPullApplies(transport = desk.transport as SyncTransport) {
  proxy.tamper = null;
  const report = await syncOnce(desk.store, transport);
  expect(report.pulled).toBeGreaterThanOrEqual(3);
  expect(await desk.db.persons.count()).toBe(3);
}

describe('a hostile HQ: pull pages', () => {
  it('refuses an unsigned page', async () => {
    proxy.tamper = async (e) => (isPull(e) ? { signature: null } : undefined);
    await expectRefusedWithNothingApplied('missing');
    await expectHonestPullApplies();
  });

  it('refuses a page re-signed with another key, for this very request', async () => {
    const other = await attacker();
    proxy.tamper = async (e) =>
      isPull(e)
        ? { signature: await signHqAnswer(e.body, pulledFor(e, desk.deviceId), other) }
        : undefined;
    await expectRefusedWithNothingApplied('other_key');

    // The same forgery naming HQ's key id: the signature itself does not hold.
    const hqKeyId = (await loadHqServerKeys(hq.hq)).signing.keyId;
    proxy.tamper = async (e) =>
      isPull(e)
        ? {
            signature: await signHqAnswer(e.body, pulledFor(e, desk.deviceId), {
              privateKey: other.privateKey,
              keyId: hqKeyId,
            }),
          }
        : undefined;
    await expectRefusedWithNothingApplied('mismatch');
    await expectHonestPullApplies();
  });

  it('refuses a page whose body was altered after HQ signed it', async () => {
    proxy.tamper = async (e) => {
      if (!isPull(e)) return undefined;
      const text = e.body.toString('utf8');
      expect(text).toContain('王五');
      // Same length in UTF-8: only the bytes say what changed.
      return { body: Buffer.from(text.replaceAll('王五', '赵六'), 'utf8') };
    };
    await expectRefusedWithNothingApplied('mismatch');
    await expectHonestPullApplies();
  });

  it("refuses a page HQ signed for another desk, replayed as this desk's answer", async () => {
    // A third desk of the office, at the same cursor as the desk under test, pulls
    // through the proxy; its signed page is then served to the desk under test.
    const third = await openOfficeDesk('office-a', 'c');
    await enroll(third, hq);
    await sync(third, { pullLimit: 1 }); // pushes its settings, and catches up
    const thirdPages = () => proxy.recorded.filter(isPull);
    expect(thirdPages()).toHaveLength(0);
    third.baseUrl = proxy.url;
    // Back to the desk's own cursor: the third desk asks from where the desk stands.
    await third.db.meta.put({ key: 'syncCursor', value: await desk.store.cursor() });
    await sync(third);
    const recorded = thirdPages()[0];
    if (!recorded) throw new Error('no page recorded for the third desk');
    expect(recorded.request.cursor).toEqual(await desk.store.cursor());
    proxy.tamper = async (e) =>
      isPull(e) ? { body: recorded.body, signature: recorded.signature } : undefined;
    await expectRefusedWithNothingApplied('mismatch');
    await expectHonestPullApplies();
  });

  it('refuses a page recorded at another cursor, replayed for a later request', async () => {
    // An earlier page of this very desk: HQ signed it for this device, at cursor 0.
    await desk.db.meta.put({ key: 'syncCursor', value: { office: 0, reference: 0 } });
    const fresh = await deskState(desk);
    proxy.tamper = null;
    await syncOnce(desk.store, desk.transport as SyncTransport, { pullLimit: 1 });
    const first = proxy.recorded.find(isPull);
    if (!first) throw new Error('no page recorded');
    expect(first.request.cursor).toEqual(fresh.cursor);
    const persons = await desk.db.persons.count();
    expect(persons).toBe(3);

    // The colleague adds more; the desk asks from its later cursor and gets the old page.
    await createPersons(colleague, 2);
    await sync(colleague);
    proxy.tamper = async (e) =>
      isPull(e) ? { body: first.body, signature: first.signature } : undefined;
    const before = await deskState(desk);
    await expect(syncOnce(desk.store, desk.transport as SyncTransport)).rejects.toMatchObject(
      refusal('mismatch'),
    );
    expect(await deskState(desk)).toEqual(before);
    proxy.tamper = null;
    await syncOnce(desk.store, desk.transport as SyncTransport);
    expect(await desk.db.persons.count()).toBe(5);
  });
});

/** The desk's two real transports to the proxy (browser build, Electron), over Node's fetch. */
const transports = (dir: string) => realTransports(desk, proxy.url, dir);

describe("both of the desk's transports hand the engine the page as received", () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-hq-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an altered page through each, then applies an honest one', async () => {
    const [web, electron] = await transports(dir);
    if (!web || !electron) throw new Error('two transports expected');
    proxy.tamper = async (e) =>
      isPull(e) ? { body: Buffer.from(e.body.toString().replaceAll('王五', '赵六')) } : undefined;
    await expectRefusedWithNothingApplied('mismatch', web);
    await expectRefusedWithNothingApplied('mismatch', electron);
    proxy.tamper = async (e) => (isPull(e) ? { signature: null } : undefined);
    await expectRefusedWithNothingApplied('missing', electron);
    await expectHonestPullApplies(electron);
    expect(proxy.recorded.filter(isPull).length).toBeGreaterThanOrEqual(4);
  });
});

describe('a hostile HQ: enrollment', () => {
  async function enrollThrough(newcomer: SyncDesk) {
    return enrollWithKeys(newcomer.db, createWebTransport(newcomer.db, nodeFetch), {
      hqUrl: proxy.url,
      code: await createEnrollmentCode(hq.hq.db, 'office-a', new Date()),
      officeId: 'office-a',
      deviceId: newcomer.deviceId,
      deviceName: 'desk d',
    });
  }

  it('keeps nothing from an answer signed by a key other than the one it carries', async () => {
    const other = await attacker();
    proxy.tamper = async (e) => {
      if (!isEnroll(e)) return undefined;
      const signedFor = {
        answer: 'enroll',
        deviceId: String(e.request.deviceId),
        code: String(e.request.code),
      } as const;
      return { signature: await signHqAnswer(e.body, signedFor, other) };
    };
    const newcomer = await openOfficeDesk('office-a', 'd');
    await expect(enrollThrough(newcomer)).rejects.toMatchObject(refusal('other_key'));
    expect(await loadWebCredential(newcomer.db)).toBeNull();
    expect(await loadHqKeys(newcomer.db)).toBeNull();
  });

  it('keeps nothing from an answer signed for another enrollment code', async () => {
    const hqKeys = await loadHqServerKeys(hq.hq);
    proxy.tamper = async (e) => {
      if (!isEnroll(e)) return undefined;
      const signedFor = {
        answer: 'enroll',
        deviceId: String(e.request.deviceId),
        code: 'SOME-OTHER-CODE',
      } as const;
      return { signature: await signHqAnswer(e.body, signedFor, hqKeys.signing) };
    };
    const newcomer = await openOfficeDesk('office-a', 'd');
    await expect(enrollThrough(newcomer)).rejects.toMatchObject(refusal('mismatch'));
    expect(await loadWebCredential(newcomer.db)).toBeNull();
  });

  it("cannot tell a server that answers with its own keys, but shows a fingerprint that is not HQ's", async () => {
    // The limit, said plainly: an answer whose keys were swapped for the attacker's and
    // signed with them is consistent. The desk pins the attacker's key; people catch it by
    // comparing 县局密钥指纹 with the county's `enroll-code` output, and HQ's own pages
    // are then refused by the desk (signed by a key it does not trust).
    const other = await attacker();
    proxy.tamper = async (e) => {
      if (!isEnroll(e)) return undefined;
      const answer = JSON.parse(e.body.toString()) as Record<string, unknown>;
      const body = Buffer.from(JSON.stringify({ ...answer, hqKeys: other.publicKeys }));
      const signedFor = {
        answer: 'enroll',
        deviceId: String(e.request.deviceId),
        code: String(e.request.code),
      } as const;
      return { body, signature: await signHqAnswer(body, signedFor, other) };
    };
    const newcomer = await openOfficeDesk('office-a', 'd');
    await enrollThrough(newcomer);
    const pinned = await loadHqKeys(newcomer.db);
    const county = (await loadHqServerKeys(hq.hq)).signing.keyId;
    expect(pinned?.signingKeyId).toBe(other.keyId);
    expect(pinned?.signingKeyId).not.toBe(county);

    proxy.tamper = null;
    const transport = createWebTransport(newcomer.db, nodeFetch);
    const before = await newcomer.store.cursor();
    await expect(syncOnce(newcomer.store, transport)).rejects.toMatchObject(refusal('other_key'));
    expect(await newcomer.store.cursor()).toEqual(before);
  });
});
