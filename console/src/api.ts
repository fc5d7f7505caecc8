import type { AppErrorData } from '@shared/errors/appError';

export type ConsoleRole = 'reviewer' | 'admin' | 'viewer';

export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface SignedIn {
  user: ConsoleUser;
  csrfToken: string;
  idleMinutes: number;
}

/** A refusal from HQ in the one error shape (or a network failure as 'error.network'). */
export class ConsoleApiError extends Error {
  constructor(
    readonly data: AppErrorData,
    readonly status: number,
  ) {
    super(data.message);
  }
}

let csrfToken = '';
/** The session's CSRF token, for requests that are not JSON (a package upload). */
export const currentCsrfToken = () => csrfToken;

/**
 * Calls HQ's console API on this origin. The session is the httpOnly cookie HQ set
 * (the page never sees it); every change carries the CSRF token the session gave.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/v1/console${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ConsoleApiError(
      { code: 'unavailable', message: 'network', details: { reason: 'error.network' } },
      0,
    );
  }
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) throw new ConsoleApiError(parsed as unknown as AppErrorData, response.status);
  if (typeof parsed.csrfToken === 'string') csrfToken = parsed.csrfToken;
  return parsed as T;
}

export const signIn = (username: string, password: string) =>
  api<SignedIn>('POST', '/login', { username, password });
export const currentSession = () => api<SignedIn>('GET', '/session');
export const signOut = () => api<{ signedOut: true }>('POST', '/logout', {});
