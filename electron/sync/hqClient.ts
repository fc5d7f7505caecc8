/**
 * JSON over HTTP to HQ, as the main process does it: Electron's net.fetch (which uses
 * the system proxy settings, as county networks often require) comes in as `fetch`,
 * so Node tests pass a fake. Every failure becomes an AppError the desk can word:
 * - HQ not reachable (network, DNS, TLS, timeout, a proxy's error page) → 'unavailable';
 * - HQ said no → the AppErrorData body HQ sent, as is;
 * - HQ answered something this desk does not understand → 'internal'.
 */
import type { z } from 'zod';
import { AppError, isAppErrorData, type AppErrorCode } from '@shared/errors/appError';
import { maxRequestBytes, type HqRoute } from '@shared/sync/httpApi';

export interface HttpResponseLike {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

export interface HttpRequestInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

/** A pull page of 2000 records over a slow township line still fits. */
export const requestTimeoutMs = 60_000;

/**
 * HQ's base URL as typed by a person: http(s) only, no user name or password in it,
 * no query; trailing slashes dropped so routes append cleanly (a path prefix stays).
 */
export function normalizeHqUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badUrl();
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) throw badUrl();
  if (url.search || url.hash) throw badUrl();
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function badUrl(): AppError {
  return new AppError({
    code: 'validation',
    message: 'The HQ address must be an http(s) URL.',
    fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.invalid' }],
  });
}

export interface PostOptions {
  fetch: FetchLike;
  baseUrl: string;
  route: HqRoute;
  body: unknown;
  /** The device token; sent as `Authorization: Bearer <token>`. */
  token?: string;
  timeoutMs?: number;
}

export async function postJson<S extends z.ZodType>(
  options: PostOptions,
  responseSchema: S,
): Promise<z.output<S>> {
  const body = JSON.stringify(options.body);
  if (Buffer.byteLength(body, 'utf8') > maxRequestBytes) {
    throw new AppError({ code: 'validation', message: 'The request is larger than HQ accepts.' });
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  let response: HttpResponseLike;
  let text: string;
  try {
    response = await options.fetch(`${options.baseUrl}${options.route}`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? requestTimeoutMs),
    });
    text = await response.text();
  } catch {
    throw new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
  }

  const json = parseJson(text);
  if (!response.ok) throw errorFromResponse(response.status, json);
  if (json === undefined) {
    // 200 with HTML: a captive portal or proxy page, not HQ.
    throw new AppError({
      code: 'unavailable',
      message: 'The HQ address did not answer like HQ.',
      details: { status: response.status },
    });
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError({
      code: 'internal',
      message: 'HQ answered with a body this desk does not understand.',
      details: { route: options.route },
    });
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
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
