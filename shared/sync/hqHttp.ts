import type { z } from 'zod';
import {
  AppError,
  isAppErrorData,
  type AppErrorCode,
  type AppErrorData,
  type FieldError,
} from '../errors/appError';
import { hqFieldCodes } from '../errors/hqCodes';
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
 * - HQ said no → the AppErrorData body HQ sent, less what only the desk says of itself
 *   (`fromHq`);
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

/**
 * The facts HQ gives with a refusal (`details`): the record a duplicate clashes with
 * (hq/src/sync/authority/openCases.ts) and how long to wait (hq/src/http/rateLimits.ts).
 * Nothing else is taken: the desk words its own failures by `details.reason` and
 * `details.refusal` (a part not loaded, a bad signature, no key storage, a list that kept
 * changing), so those from HQ would be HQ's word dressed as the desk's own finding.
 */
const hqDetailKeys: readonly string[] = ['existingId', 'personId', 'retryAfterSeconds'];

/**
 * HQ's error body without the desk's own words about itself: a `sync.` field code HQ
 * never sends (a bad signature, a refused address or page: the desk's checks of HQ), and
 * any fact but those HQ gives (`hqDetailKeys`). An answer claiming the desk's findings is
 * worded by its code like any other refusal; a malformed part is dropped, not thrown over.
 */
function fromHq(data: AppErrorData): AppErrorData {
  const { fieldErrors, details, ...rest } = data;
  const kept = Array.isArray(fieldErrors)
    ? fieldErrors.filter(
        (e: unknown) =>
          isFieldError(e) && (!e.code.startsWith('sync.') || hqFieldCodes.includes(e.code)),
      )
    : [];
  const facts =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? Object.fromEntries(Object.entries(details).filter(([key]) => hqDetailKeys.includes(key)))
      : {};
  return {
    ...rest,
    ...(kept.length > 0 ? { fieldErrors: kept } : {}),
    ...(Object.keys(facts).length > 0 ? { details: facts } : {}),
  };
}

function isFieldError(value: unknown): value is FieldError {
  const e = value as Partial<FieldError> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.path === 'string'
  );
}

/** HQ's own error body when it sent one; otherwise a code from the status alone. */
export function errorFromResponse(status: number, json: unknown): AppError {
  if (isAppErrorData(json)) return AppError.fromData(fromHq(json));
  return new AppError({
    code: codeByStatus[status] ?? 'unavailable',
    message: `HQ answered HTTP ${status}.`,
    details: { status },
  });
}
