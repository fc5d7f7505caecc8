import {
  exportPublicKeys,
  generatePackageKeys,
  keyId,
  type PublicKeys,
} from '@shared/package/keys';
import type { HqFetch, HqFetchInit, HqFetchResponse } from '@shared/sync/hqHttp';
import { hqSignatureHeader, signHqAnswer, type SignedFor } from '@shared/sync/hqSignature';

/**
 * For the transport unit tests that stand in for the network (the real HQ is in the
 * hostile-HQ suite): a key pair that signs answers exactly as HQ does, and a fetch that
 * records each request and answers from a queue.
 */
export interface FakeHqSigner {
  publicKeys: PublicKeys;
  /** The header value HQ would send with this body. */
  sign(body: string, signedFor: SignedFor): Promise<string>;
}

export async function fakeHqSigner(): Promise<FakeHqSigner> {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  const signer = { privateKey: keys.signing.privateKey, keyId: await keyId(publicKeys.signing) };
  return {
    publicKeys,
    sign: (body, signedFor) => signHqAnswer(new TextEncoder().encode(body), signedFor, signer),
  };
}

export interface FakeAnswer {
  status: number;
  /** Sent as JSON unless a string (then as is, e.g. a proxy's HTML page). */
  body: unknown;
  contentType?: string;
  signature?: string;
}

export interface SentRequest {
  url: string;
  init: HqFetchInit;
  body: unknown;
}

export function fakeNet() {
  const sent: SentRequest[] = [];
  const answers: (FakeAnswer | ((request: SentRequest) => Promise<FakeAnswer>))[] = [];
  const fetch: HqFetch = async (url, init) => {
    const request = { url, init, body: JSON.parse(init.body) as unknown };
    sent.push(request);
    const next = answers.shift();
    if (!next) throw new TypeError('net::ERR_CONNECTION_REFUSED');
    const answer = typeof next === 'function' ? await next(request) : next;
    return respond(answer);
  };
  return {
    fetch,
    sent,
    answer: (a: FakeAnswer) => answers.push(a),
    answerWith: (f: (r: SentRequest) => Promise<FakeAnswer>) => answers.push(f),
  };
}

function respond(answer: FakeAnswer): HqFetchResponse {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const headers = new Map<string, string>([
    [
      'content-type',
      answer.contentType ??
        (typeof answer.body === 'string' ? 'text/html' : 'application/json; charset=utf-8'),
    ],
  ]);
  if (answer.signature) headers.set(hqSignatureHeader, answer.signature);
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
  };
}
