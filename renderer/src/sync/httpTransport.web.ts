/**
 * SyncTransport in the browser build (`npm run web`): fetch straight to HQ with the
 * bearer token. The same rules as the Electron main process (electron/sync/hqClient.ts):
 * HQ not reachable → 'unavailable'; HQ said no → the AppErrorData it sent; an answer
 * the desk does not understand → 'internal'.
 *
 * The browser build has no OS key storage: the credential is kept in IndexedDB meta
 * (see syncMeta.ts). The page CSP allows connections to http(s) hosts for this, and HQ
 * must name the page's origin in HQ_CORS_ORIGINS.
 */
import type { z } from 'zod';
import { AppError, isAppErrorData, type AppErrorCode } from '@shared/errors/appError';
import { hqRoutes, type HqRoute } from '@shared/sync/httpApi';
import {
  enrollResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '@shared/sync/protocol';
import { loadWebCredential, saveWebCredential, type MetaStore } from './syncMeta';
import type { DeskSyncTransport } from './transport';

export type WebFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

const timeoutMs = 60_000;

export function createWebTransport(store: MetaStore, fetchFn: WebFetch): DeskSyncTransport {
  const authorized = async () => {
    const credential = await loadWebCredential(store);
    if (!credential) {
      throw new AppError({ code: 'unauthenticated', message: 'This desk is not enrolled.' });
    }
    return credential;
  };

  return {
    status: async () => {
      const credential = await loadWebCredential(store);
      return {
        enrolled: credential !== null,
        hqUrl: credential?.hqUrl ?? null,
        deviceId: credential?.deviceId ?? null,
      };
    },

    enroll: async (input) => {
      const hqUrl = normalizeHqUrl(input.hqUrl);
      const { code, deviceId, officeId, deviceName, publicKeys } = input;
      const body = { code, deviceId, officeId, deviceName, publicKeys };
      const enrolled = await post(fetchFn, hqUrl, hqRoutes.enroll, body, enrollResponseSchema);
      if (enrolled.officeId !== officeId.trim()) {
        throw new AppError({
          code: 'forbidden',
          message: 'HQ enrolled this desk for a different office.',
          fieldErrors: [{ path: 'officeId', code: 'sync.enroll.officeMismatch' }],
        });
      }
      const { token, hqTime, ...identity } = enrolled;
      await saveWebCredential(store, { hqUrl, token, ...identity });
      return { ...identity, hqTime };
    },

    push: async (request) => {
      const { hqUrl, token } = await authorized();
      return post(fetchFn, hqUrl, hqRoutes.push, request, pushResponseSchema, token);
    },

    pull: async (request) => {
      const { hqUrl, token } = await authorized();
      return post(fetchFn, hqUrl, hqRoutes.pull, request, pullResponseSchema, token);
    },
  };
}

/** http(s) only, no credentials or query in it; trailing slashes dropped. */
export function normalizeHqUrl(raw: string): string {
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
  const ok =
    url &&
    ['http:', 'https:'].includes(url.protocol) &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash;
  if (!url || !ok) {
    throw new AppError({
      code: 'validation',
      message: 'The HQ address must be an http(s) URL.',
      fieldErrors: [{ path: 'hqUrl', code: 'sync.hqUrl.invalid' }],
    });
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

async function post<S extends z.ZodType>(
  fetchFn: WebFetch,
  baseUrl: string,
  route: HqRoute,
  body: unknown,
  schema: S,
  token?: string,
): Promise<z.output<S>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let status: number;
  let ok: boolean;
  let text: string;
  try {
    const response = await fetchFn(`${baseUrl}${route}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    ({ status, ok } = response);
    text = await response.text();
  } catch {
    throw new AppError({ code: 'unavailable', message: 'HQ could not be reached.' });
  }
  const json = parseJson(text);
  if (!ok) throw errorFromResponse(status, json);
  if (json === undefined) {
    throw new AppError({ code: 'unavailable', message: 'The HQ address did not answer like HQ.' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError({ code: 'internal', message: 'HQ answered with an unexpected body.' });
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

function errorFromResponse(status: number, json: unknown): AppError {
  if (isAppErrorData(json)) return AppError.fromData(json);
  return new AppError({
    code: codeByStatus[status] ?? 'unavailable',
    message: `HQ answered HTTP ${status}.`,
    details: { status },
  });
}
