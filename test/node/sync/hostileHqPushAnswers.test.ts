import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import { syncOnce } from '@shared/sync/engine';
import { signHqAnswer } from '@shared/sync/hqSignature';
import type { SyncTransport } from '@shared/sync/ports';
import type { PushResponse } from '@shared/sync/protocol';
import { loadHqKeys as loadHqServerKeys } from '../../../hq/src/store/hqKeys';
import { hqRowCounts, startHq, type RunningHq } from '../../support/hqHarness';
import { realTransports } from '../../support/realTransports';
import { startHostileProxy, type Exchange, type HostileProxy } from '../../support/hostileProxy';
import { createPersons } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * Push answers against a hostile HQ or network: the real HQ on loopback behind a proxy
 * that rewrites its answers, a real desk (the engine, DexieSyncStore on fake-indexeddb).
 * A forged, altered or replayed push answer would tell the desk its ops were applied,
 * and the desk would drop them from its queue. Each is refused with sync.bad_signature:
 * nothing acknowledged, the queue as it was, nothing kept aside as refused. An honest
 * round afterwards drains the queue once (HQ answers the resent ops from its op-id
 * records; nothing applies twice).
 */
let hq: RunningHq;
let proxy: HostileProxy;
let desk: SyncDesk;

const isPush = (e: Exchange) => e.path === '/v1/sync/push';

beforeEach(async () => {
  hq = await startHq();
  proxy = await startHostileProxy(hq.url);
  // The desk enrolls and sends its setup straight to HQ; then it registers three
  // persons, which wait in its queue, and talks to HQ only through the proxy.
  desk = await openOfficeDesk('office-a', 'a');
  await enroll(desk, hq);
  await sync(desk);
  await createPersons(desk, 3);
  desk.baseUrl = proxy.url;
});

afterEach(async () => {
  await proxy.close();
  await hq.stop();
});

/** What acknowledging could change at the desk: its queue, and what it keeps as refused. */
async function deskQueue(of: SyncDesk = desk) {
  return {
    queue: (await of.db.queue.orderBy('seq').toArray()).map((e) => `${e.seq}:${e.opId}`),
    refused: (await of.db.rejectedOps.toArray()).map((r) => r.opId).sort(),
  };
}

function refusal(problem: 'missing' | 'other_key' | 'mismatch') {
  return {
    code: 'forbidden',
    fieldErrors: [{ path: 'hqSignature', code: 'sync.bad_signature', params: { problem } }],
    details: { answer: 'push' },
  };
}

/** A signer that is not HQ: an attacker's own P-256 key. */
async function attacker() {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  return { privateKey: keys.signing.privateKey, keyId: await keyId(publicKeys.signing) };
}

/** The push request's binding, as the answer's signature must cover it. */
function pushedFor(e: Exchange, deviceId: string) {
  const ops = e.request.ops as { opId: string }[];
  return {
    answer: 'push',
    deviceId,
    nonce: String(e.request.nonce),
    opIds: ops.map((op) => op.opId),
  } as const;
}

/** Rewrites the next push answer only; later ones pass through. */
function tamperNextPush(rewrite: (e: Exchange) => Promise<Partial<Exchange>>) {
  let done = false;
  proxy.tamper = async (e) => {
    if (!isPush(e) || done) return undefined;
    done = true;
    return rewrite(e);
  };
}

async function expectRefusedWithNothingAcknowledged(
  problem: 'missing' | 'other_key' | 'mismatch',
  transport = desk.transport as SyncTransport,
) {
  const before = await deskQueue();
  expect(before.queue.length).toBeGreaterThan(0);
  await expect(syncOnce(desk.store, transport)).rejects.toMatchObject(refusal(problem));
  expect(await deskQueue()).toEqual(before);
}

/**
 * Honest answers again: one round empties the queue, every op acknowledged once, and HQ,
 * which applied the batch when it first came, applies nothing more.
 */
async function expectHonestRoundDrainsOnce(transport = desk.transport as SyncTransport) {
  proxy.tamper = null;
  const queued = (await deskQueue()).queue.length;
  const opIds = (await desk.db.queue.toArray()).map((e) => e.opId);
  const atHq = await hqRowCounts(hq.hq);
  const report = await syncOnce(desk.store, transport);
  expect(report.pushed).toBe(queued);
  expect(await desk.db.queue.count()).toBe(0);
  expect(await hqRowCounts(hq.hq)).toEqual(atHq);
  const results = await hq.hq.db
    .selectFrom('applied_ops')
    .select('op_id')
    .where('op_id', 'in', opIds)
    .execute();
  expect(results.map((r) => r.op_id).sort()).toEqual([...opIds].sort());
}

describe('a hostile HQ: push answers', () => {
  it('refuses an unsigned answer', async () => {
    tamperNextPush(async () => ({ signature: null }));
    await expectRefusedWithNothingAcknowledged('missing');
    await expectHonestRoundDrainsOnce();
  });

  it('refuses an answer re-signed with another key, for this very request', async () => {
    const other = await attacker();
    tamperNextPush(async (e) => ({
      signature: await signHqAnswer(e.body, pushedFor(e, desk.deviceId), other),
    }));
    await expectRefusedWithNothingAcknowledged('other_key');

    // The same forgery naming HQ's key id: the signature itself does not hold.
    const hqKeyId = (await loadHqServerKeys(hq.hq)).signing.keyId;
    tamperNextPush(async (e) => ({
      signature: await signHqAnswer(e.body, pushedFor(e, desk.deviceId), {
        privateKey: other.privateKey,
        keyId: hqKeyId,
      }),
    }));
    await expectRefusedWithNothingAcknowledged('mismatch');
    await expectHonestRoundDrainsOnce();
  });

  it("refuses an answer altered after HQ signed it: a 'rejected' turned 'applied'", async () => {
    // One queued op names an account the office does not have: HQ refuses it
    // (actor.unknown), and the desk must keep it aside for people to see.
    const [, second] = await desk.db.queue.orderBy('seq').toArray();
    if (!second) throw new Error('three queued ops expected');
    await desk.db.queue.update(second.seq, { actor: { ...second.actor, userId: 'user-nobody' } });
    tamperNextPush(async (e) => {
      const answer = JSON.parse(e.body.toString('utf8')) as PushResponse;
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      // Applied, as far as the desk could tell: it would drop the op and keep nothing.
      const results = answer.results.map((r) =>
        r.status === 'rejected'
          ? { opId: r.opId, seq: r.seq, status: 'applied' as const, serverSeq: 999 }
          : r,
      );
      return { body: Buffer.from(JSON.stringify({ ...answer, results }), 'utf8') };
    });
    await expectRefusedWithNothingAcknowledged('mismatch');
    await expectHonestRoundDrainsOnce();
    // The honest answer said rejected: the op is kept aside with HQ's reason.
    const refused = await desk.db.rejectedOps.toArray();
    expect(refused.map((r) => r.opId)).toEqual([second.opId]);
    expect(refused[0]?.reason.fieldErrors?.[0]?.code).toBe('actor.unknown');
  });

  it("refuses an earlier push's answer: of other ops, and of the same ops for an earlier request", async () => {
    // An honest push of this desk, recorded: HQ signed it for this device.
    await sync(desk);
    const earlier = proxy.recorded.find(isPush);
    if (!earlier) throw new Error('no push recorded');
    await createPersons(desk, 2);
    tamperNextPush(async () => ({ body: earlier.body, signature: earlier.signature }));
    await expectRefusedWithNothingAcknowledged('mismatch');

    // The same batch again: its first answer is lost on the way (HQ applied it), and the
    // resend gets that recorded answer, signed for these very ops but another request.
    let lost: Exchange | null = null;
    tamperNextPush(async (e) => {
      lost = e;
      return { status: 502, contentType: 'text/plain', signature: null, body: Buffer.from('') };
    });
    const before = await deskQueue();
    await expect(sync(desk)).rejects.toMatchObject({ code: 'unavailable' });
    expect(await deskQueue()).toEqual(before);
    const recorded = lost as Exchange | null;
    if (!recorded) throw new Error('no push recorded');
    tamperNextPush(async () => ({ body: recorded.body, signature: recorded.signature }));
    await expectRefusedWithNothingAcknowledged('mismatch');
    await expectHonestRoundDrainsOnce();
  });

  it("refuses another desk's answer, replayed as this desk's", async () => {
    // A colleague's desk of the same office pushes through the proxy; HQ signs its answer
    // for that desk, its request and its ops. That answer is served to the desk.
    const colleague = await openOfficeDesk('office-a', 'b');
    await enroll(colleague, hq);
    await createPersons(colleague, 3);
    colleague.baseUrl = proxy.url;
    await sync(colleague);
    const theirs = proxy.recorded.filter(isPush).at(-1);
    if (!theirs) throw new Error('no push recorded');
    expect((await deskQueue(colleague)).queue).toEqual([]);
    tamperNextPush(async () => ({ body: theirs.body, signature: theirs.signature }));
    await expectRefusedWithNothingAcknowledged('mismatch');
    await expectHonestRoundDrainsOnce();
  });

  it('acknowledges a checked batch and none after it when a later answer is forged', async () => {
    // Two local transactions, pushed one batch each: HQ's honest answer to the first is
    // acknowledged, the altered answer to the second is not.
    const firstBatch = (await desk.db.queue.toArray()).map((e) => `${e.seq}:${e.opId}`);
    await createPersons(desk, 2);
    let pushes = 0;
    proxy.tamper = async (e) => {
      if (!isPush(e)) return undefined;
      pushes += 1;
      return pushes === 2 ? { signature: null } : undefined;
    };
    const before = await deskQueue();
    await expect(
      syncOnce(desk.store, desk.transport as SyncTransport, { pushBatch: 3 }),
    ).rejects.toMatchObject(refusal('missing'));
    expect(pushes).toBe(2);
    const after = await deskQueue();
    expect(after.queue).toEqual(before.queue.filter((op) => !firstBatch.includes(op)));
    expect(after.queue).toHaveLength(2);
    await expectHonestRoundDrainsOnce();
  });
});

describe("both of the desk's transports hand the engine the push answer as received", () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-push-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The browser build's transport and the Electron one (main process handlers), to the proxy. */
  const transports = () => realTransports(desk, proxy.url, dir);

  it('refuses an altered or unsigned answer through each, then drains the queue once', async () => {
    const [web, electron] = await transports();
    const altered = async (e: Exchange) => ({
      body: Buffer.from(e.body.toString('utf8').replace('"applied"', '"deferred"'), 'utf8'),
    });
    tamperNextPush(altered);
    await expectRefusedWithNothingAcknowledged('mismatch', web);
    tamperNextPush(altered);
    await expectRefusedWithNothingAcknowledged('mismatch', electron);
    tamperNextPush(async () => ({ signature: null }));
    await expectRefusedWithNothingAcknowledged('missing', electron);
    await expectHonestRoundDrainsOnce(electron);
    // Each push carried a fresh nonce: no two requests alike.
    const nonces = proxy.recorded.filter(isPush).map((e) => e.request.nonce);
    expect(nonces).toHaveLength(4);
    expect(new Set(nonces).size).toBe(4);
  });
});
