import { describe, expect, it } from 'vitest';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import {
  openEnrollAnswer,
  openPullPage,
  openPushAnswer,
  signHqAnswer,
  trustedHqKey,
  verifyHqAnswer,
  type SignedFor,
} from '@shared/sync/hqSignature';

async function signer() {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  return {
    publicKeys,
    sign: { privateKey: keys.signing.privateKey, keyId: await keyId(publicKeys.signing) },
    trusted: await trustedHqKey(publicKeys.signing),
  };
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const page = { changes: [], cursor: { office: 7, reference: 2 }, hasMore: false, hqTime: 'x' };
const pull: Extract<SignedFor, { answer: 'pull' }> = {
  answer: 'pull',
  deviceId: 'device-a',
  cursor: { office: 5, reference: 2 },
  nonce: 'nonce-0123456789abcdef',
};
const problem = (p: string) => ({
  code: 'forbidden',
  fieldErrors: [{ code: 'sync.bad_signature', params: { problem: p } }],
});

describe("HQ's signature of its answers", () => {
  it('binds a page to its exact bytes, the device, the cursor and the nonce', async () => {
    const hq = await signer();
    const body = bytes(page);
    const signature = await signHqAnswer(body, pull, hq.sign);
    await expect(openPullPage({ body, signature }, pull, hq.trusted)).resolves.toEqual(page);
    for (const other of [
      { ...pull, deviceId: 'device-b' },
      { ...pull, cursor: { office: 6, reference: 2 } },
      { ...pull, cursor: { office: 5, reference: 3 } },
      { ...pull, nonce: 'nonce-fedcba9876543210' },
    ]) {
      await expect(verifyHqAnswer({ body, signature }, other, hq.trusted)).rejects.toMatchObject(
        problem('mismatch'),
      );
    }
    const flipped = body.slice();
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    await expect(
      verifyHqAnswer({ body: flipped, signature }, pull, hq.trusted),
    ).rejects.toMatchObject(problem('mismatch'));
  });

  it('binds a push answer to its exact bytes, the device, the nonce and the op ids in order', async () => {
    const hq = await signer();
    const answer = {
      results: [
        { opId: 'op-1', seq: 1, status: 'applied', serverSeq: 10 },
        { opId: 'op-2', seq: 2, status: 'applied', serverSeq: 11 },
      ],
      hqTime: 'x',
    };
    const push: Extract<SignedFor, { answer: 'push' }> = {
      answer: 'push',
      deviceId: 'device-a',
      nonce: 'nonce-0123456789abcdef',
      opIds: ['op-1', 'op-2'],
    };
    const body = bytes(answer);
    const signature = await signHqAnswer(body, push, hq.sign);
    await expect(openPushAnswer({ body, signature }, push, hq.trusted)).resolves.toEqual(answer);
    for (const other of [
      { ...push, deviceId: 'device-b' },
      { ...push, nonce: 'nonce-fedcba9876543210' },
      { ...push, opIds: ['op-2', 'op-1'] }, // the same ops, another order
      { ...push, opIds: ['op-1'] }, // a batch cut short
      { ...push, opIds: ['op-1', 'op-2', 'op-3'] },
      { ...push, opIds: ['op-1,op-2'] }, // no joining trick makes two ids one
    ]) {
      await expect(verifyHqAnswer({ body, signature }, other, hq.trusted)).rejects.toMatchObject(
        problem('mismatch'),
      );
    }
    // A pull page's signature never passes for a push answer, nor the other way round.
    const asPage = await signHqAnswer(body, pull, hq.sign);
    await expect(
      verifyHqAnswer({ body, signature: asPage }, push, hq.trusted),
    ).rejects.toMatchObject(problem('mismatch'));
    // Signed, but not a push answer this desk understands: refused as HQ's fault.
    const odd = bytes({ results: 'x' });
    const oddSignature = await signHqAnswer(odd, push, hq.sign);
    await expect(
      openPushAnswer({ body: odd, signature: oddSignature }, push, hq.trusted),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('tells a missing signature and another key apart', async () => {
    const [hq, other] = [await signer(), await signer()];
    const body = bytes(page);
    for (const missing of [null, '', 'garbage', `${hq.sign.keyId}.`]) {
      await expect(
        verifyHqAnswer({ body, signature: missing }, pull, hq.trusted),
      ).rejects.toMatchObject(problem('missing'));
    }
    const forged = await signHqAnswer(body, pull, other.sign);
    await expect(
      verifyHqAnswer({ body, signature: forged }, pull, hq.trusted),
    ).rejects.toMatchObject(problem('other_key'));
  });

  it('checks an enrollment answer against the key it carries, for this device and code', async () => {
    const hq = await signer();
    const answer = {
      deviceId: 'device-a',
      token: 'device-a.secret',
      officeId: '330102001',
      officeName: '城关镇民政办',
      hqTime: 'x',
      hqKeys: hq.publicKeys,
    };
    const body = bytes(answer);
    const forCode = { answer: 'enroll', deviceId: 'device-a', code: 'abcd-efgh 1234' } as const;
    const signature = await signHqAnswer(body, forCode, hq.sign);
    // The code as HQ compares it: spaces, dashes and case do not matter.
    await expect(
      openEnrollAnswer({ body, signature }, { ...forCode, code: 'ABCDEFGH1234' }),
    ).resolves.toEqual(answer);
    await expect(
      openEnrollAnswer({ body, signature }, { ...forCode, code: 'ABCDEFGH1235' }),
    ).rejects.toMatchObject(problem('mismatch'));
    await expect(
      openEnrollAnswer({ body, signature }, { ...forCode, deviceId: 'device-b' }),
    ).rejects.toMatchObject(problem('mismatch'));
  });
});
