import type { z } from 'zod';
import { AppError, isAppErrorData, type AppErrorCode } from '../errors/appError';
import type { SignedAnswer } from './hqSignature';
import { hqSignatureHeader } from './hqSignature';
import { maxRequestBytes, type HqRoute } from './httpApi';
import { utf8Length } from './pushBudget';

/**
 * JSON over HTTP to HQ, one client for both builds: the Electron main process passes
 * Electron's net.fetch (which follows the system proxy settings, as county networks
 * often require), the browser build passes window.fetch, Node tests pass either a fake
 * or Node's fetch. Every failure becomes an AppError the desk can word:
 * - HQ not reachable (network, DNS, TLS, timeout), or a proxy's or captive portal's
 *   page instead of HQ's JSON → 'unavailable';
 * - HQ said no → the AppErrorData body HQ sent, as is;
 * - HQ answered JSON this desk does not understand → 'internal'.
 */
export interface HqFetchInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** Each runtime turns this into its AbortSignal (shared/ has no DOM or Node types). */
  timeoutMs: number;
}

export interface HqFetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type HqFetch = (url: string, init: HqFetchInit) => Promise<HqFetchResponse>;

/** A pull page of 5,000 records over a slow township line still fits. */
export const requestTimeoutMs = 60_000;

export interface HqPost {
  baseUrl: string;
  route: HqRoute;
  body: unknown;
  /** The device token; sent as `Authorization: Bearer <token>`. */
  token?: string;
  timeoutMs?: number;
}

/** POSTs to HQ and returns its answer as received: the body bytes and its signature header. */
export async function postToHq(fetch: HqFetch, post: HqPost): Promise<SignedAnswer> {
  const body = JSON.stringify(post.body);
  if (utf8Length(body) > maxRequestBytes) {
    throw new AppError({ code: 'validation', message: 'The request is larger than HQ accepts.' });
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (post.token) headers.authorization = `Bearer ${post.token}`;

  let response: HqFetchResponse;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    response = await fetch(`${post.baseUrl}${post.route}`, {
      method: 'POST',
      headers,
      body,
      timeoutMs: post.timeoutMs ?? requestTimeoutMs,
    });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
  }
  const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
  if (!response.ok) throw errorFromResponse(response.status, json ? parseJson(bytes) : undefined);
  if (!json) {
    // 200 with HTML: a captive portal or a proxy's page, not HQ.
    throw new AppError({
      code: 'unavailable',
      message: 'The HQ address did not answer like HQ.',
      details: { status: response.status },
    });
  }
  return { body: bytes, signature: response.headers.get(hqSignatureHeader) };
}

/**
 * POSTs to HQ and checks its JSON answer with `schema`: for answers HQ does not sign
 * (health). Sync answers go through `postToHq`, for the engine to check their signature.
 */
export async function postJsonToHq<S extends z.ZodType>(
  fetch: HqFetch,
  post: HqPost,
  schema: S,
): Promise<z.output<S>> {
  const answer = await postToHq(fetch, post);
  const parsed = schema.safeParse(parseJson(answer.body));
  if (!parsed.success) {
    throw new AppError({
      code: 'internal',
      message: 'HQ answered with a body this desk does not understand.',
      details: { route: post.route },
    });
  }
  return parsed.data;
}

// TextDecoder exists in every runtime shared/ runs in; typed here (no DOM or Node types).
interface DecoderGlobal {
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new (globalThis as unknown as DecoderGlobal).TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

const codeByStatus: Record<number, AppErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
};

/** HQ's own error body when it sent one; otherwise a code from the status alone. */
export function errorFromResponse(status: number, json: unknown): AppError {
  if (isAppErrorData(json)) return AppError.fromData(json);
  return new AppError({
    code: codeByStatus[status] ?? 'unavailable',
    message: `HQ answered HTTP ${status}.`,
    details: { status },
  });
}
