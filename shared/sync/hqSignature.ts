import type { z } from 'zod';
import { AppError } from '../errors/appError';
import { importSigningKey, keyId as keyIdOf } from '../package/keys';
import { utf8 } from '../package/payloadChunks';
import {
  fromBase64,
  sha256,
  signatureParams,
  toBase64,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from '../package/webCrypto';
import {
  enrollResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
  type PullResponse,
  type PushResponse,
  type SyncCursor,
} from './protocol';

/**
 * HQ signs every enrollment answer, every push answer and every pull page with its
 * package signing key (ECDSA P-256, SHA-256; hq/src/store/hqKeys.ts), which the desk
 * pinned at enrollment. The signature travels in a response header over the exact body
 * bytes, so HQ keeps writing pages as text around its stored snapshots and the desk
 * checks the bytes it received before it parses anything it will apply or acknowledge.
 * docs/sync.md, "Signed answers".
 *
 * What is signed: the JSON text of [label, …what the answer is for, SHA-256 of the body
 * in hex]. "What it is for" binds the answer to the request, so a page recorded for one
 * desk, cursor or request cannot stand in for another, nor a push answer for another
 * batch or request.
 */
export const hqSignatureHeader = 'x-hq-signature';

/** A body as it came off the wire, with HQ's signature header (null when there was none). */
export interface SignedAnswer {
  body: Uint8Array<ArrayBuffer>;
  signature: string | null;
}

export type SignedFor =
  /** A pull page: for this device, read from this cursor, answering this request's nonce. */
  | { answer: 'pull'; deviceId: string; cursor: SyncCursor; nonce: string }
  /**
   * A push answer: for this device, answering this request's nonce, about exactly these
   * ops (their ids in the order sent).
   */
  | { answer: 'push'; deviceId: string; nonce: string; opIds: readonly string[] }
  /** An enrollment answer: for this device, spending this code. */
  | { answer: 'enroll'; deviceId: string; code: string };

/** The one-time code as HQ compares it (hq/src/store/offices.ts): no spaces or dashes, upper case. */
export function normalizedEnrollCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

async function signedMessage(
  body: Uint8Array,
  signedFor: SignedFor,
): Promise<Uint8Array<ArrayBuffer>> {
  const bodyHash = toHex(await sha256(body as Uint8Array<ArrayBuffer>));
  return utf8(JSON.stringify([...(await binding(signedFor)), bodyHash]));
}

async function binding(signedFor: SignedFor): Promise<(string | number)[]> {
  switch (signedFor.answer) {
    case 'pull':
      return [
        'mz-hq-pull/1',
        signedFor.deviceId,
        signedFor.cursor.office,
        signedFor.cursor.reference,
        signedFor.nonce,
      ];
    case 'push':
      return [
        'mz-hq-push/1',
        signedFor.deviceId,
        signedFor.nonce,
        signedFor.opIds.length,
        await pushedOpsHash(signedFor.opIds),
      ];
    case 'enroll':
      return ['mz-hq-enroll/1', signedFor.deviceId, normalizedEnrollCode(signedFor.code)];
  }
}

/**
 * What a push answer is about: SHA-256 (hex) of the JSON array of the batch's op ids in
 * the order sent. Op ids are unique for all time (UUIDv7), so an answer HQ signed for one
 * batch never fits another, and a batch cut short or reordered on the way does not fit
 * the batch the desk sent.
 */
async function pushedOpsHash(opIds: readonly string[]): Promise<string> {
  return toHex(await sha256(utf8(JSON.stringify(opIds))));
}

/** HQ's side: the header value for a body, `<key id>.<signature, base64>`. */
export async function signHqAnswer(
  body: Uint8Array,
  signedFor: SignedFor,
  signer: { privateKey: CryptoKeyLike; keyId: string },
): Promise<string> {
  const signature = await webCrypto().subtle.sign(
    signatureParams,
    signer.privateKey,
    await signedMessage(body, signedFor),
  );
  return `${signer.keyId}.${toBase64(new Uint8Array(signature))}`;
}

/** HQ's key as the desk trusts it: imported once per sync round. */
export interface TrustedHqKey {
  key: CryptoKeyLike;
  keyId: string;
}

export async function trustedHqKey(spkiBase64: string): Promise<TrustedHqKey> {
  return { key: await importSigningKey(spkiBase64), keyId: await keyIdOf(spkiBase64) };
}

/** Why a signature was refused: none sent, made by another key, or not over these bytes. */
export type BadSignature = 'missing' | 'other_key' | 'mismatch';

const answerNames: Record<SignedFor['answer'], string> = {
  pull: 'pull page',
  push: 'push answer',
  enroll: 'enrollment answer',
};

export function badSignature(problem: BadSignature, what: SignedFor['answer']): AppError {
  const said = {
    missing: 'carries no signature',
    other_key: 'is signed by a key other than the HQ key this desk trusts',
    mismatch: 'does not match its signature: it was altered, or made for another request',
  }[problem];
  // A push answer refused: its ops stay queued and go again (HQ answers repeats from its
  // op-id records, so nothing applies twice).
  const outcome = what === 'push' ? 'nothing was acknowledged' : 'nothing was applied';
  return new AppError({
    code: 'forbidden',
    message: `HQ's ${answerNames[what]} ${said}; ${outcome}.`,
    fieldErrors: [{ path: 'hqSignature', code: 'sync.bad_signature', params: { problem } }],
    details: { reason: 'bad_signature', problem, answer: what },
  });
}

/** The desk's side: throws sync.bad_signature unless `trusted` signed these bytes for this. */
export async function verifyHqAnswer(
  answer: SignedAnswer,
  signedFor: SignedFor,
  trusted: TrustedHqKey,
): Promise<void> {
  const match = /^([0-9a-f]{32})\.([A-Za-z0-9+/]+={0,2})$/.exec(answer.signature?.trim() ?? '');
  if (!match) throw badSignature('missing', signedFor.answer);
  if (match[1] !== trusted.keyId) throw badSignature('other_key', signedFor.answer);
  let valid: boolean;
  try {
    valid = await webCrypto().subtle.verify(
      signatureParams,
      trusted.key,
      fromBase64(match[2] ?? ''),
      await signedMessage(answer.body, signedFor),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw badSignature('mismatch', signedFor.answer);
}

// TextDecoder exists in every runtime shared/ runs in; typed here (no DOM or Node types).
interface DecoderGlobal {
  TextDecoder: new (
    label: string,
    options: { fatal: boolean },
  ) => {
    decode(bytes: Uint8Array): string;
  };
}
const decoder = () =>
  new (globalThis as unknown as DecoderGlobal).TextDecoder('utf-8', { fatal: true });

/** The body as JSON checked by `schema`, or an 'internal' error naming the answer. */
function parsedBody<S extends z.ZodType>(body: Uint8Array, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(decoder().decode(body));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError({
      code: 'internal',
      message: `HQ answered the ${what} with a body this desk does not understand.`,
      details: { answer: what },
    });
  }
  return parsed.data;
}

/**
 * A pull page the engine may apply: the signature is checked over the bytes received,
 * for this device, cursor and nonce, and only then is the body parsed.
 */
export async function openPullPage(
  answer: SignedAnswer,
  signedFor: Extract<SignedFor, { answer: 'pull' }>,
  trusted: TrustedHqKey,
): Promise<PullResponse> {
  await verifyHqAnswer(answer, signedFor, trusted);
  return parsedBody(answer.body, pullResponseSchema, 'pull');
}

/**
 * A push answer the engine may acknowledge: the signature is checked over the bytes
 * received, for this device, this request's nonce and exactly the ops sent, and only
 * then is the body parsed. A forged answer could otherwise tell the desk its ops were
 * applied, and the desk would drop them from its queue.
 */
export async function openPushAnswer(
  answer: SignedAnswer,
  signedFor: Extract<SignedFor, { answer: 'push' }>,
  trusted: TrustedHqKey,
): Promise<PushResponse> {
  await verifyHqAnswer(answer, signedFor, trusted);
  return parsedBody(answer.body, pushResponseSchema, 'push');
}

/**
 * An enrollment answer, before anything of it is kept. The desk has no HQ key yet: the
 * answer must be signed by the signing key it carries, for this device and this code.
 * That proves the server holds the private half of the key the desk is about to pin and
 * that the answer was made for this enrollment; it cannot prove the server is the
 * county's (a server put in HQ's place signs with its own keys): people compare the key's
 * fingerprint with the county's `enroll-code` output for that.
 */
export async function openEnrollAnswer(
  answer: SignedAnswer,
  signedFor: Extract<SignedFor, { answer: 'enroll' }>,
): Promise<EnrollResponse> {
  const enrolled = parsedBody(answer.body, enrollResponseSchema, 'enroll');
  let trusted: TrustedHqKey;
  try {
    trusted = await trustedHqKey(enrolled.hqKeys.signing);
  } catch {
    throw badSignature('mismatch', 'enroll');
  }
  await verifyHqAnswer(answer, signedFor, trusted);
  return enrolled;
}

/** A fresh request nonce: a recorded page or push answer never answers a later request. */
export function requestNonce(): string {
  return toBase64(webCrypto().getRandomValues(new Uint8Array(16)));
}
