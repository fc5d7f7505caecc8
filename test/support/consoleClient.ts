import { addUser } from '../../hq/src/console/users';
import type { ConsoleRole } from '../../hq/src/console/roles';
import type { RunningHq } from './hqHarness';

export const consolePassword = 'county-pass-2026';

/** A county staff account made the way `hq user add` makes one. */
export async function consoleUser(
  hq: Pick<RunningHq, 'hq'>,
  username: string,
  role: ConsoleRole,
  password = consolePassword,
) {
  return addUser(
    hq.hq.db,
    { username, displayName: `${username} 同志`, role },
    password,
    'test',
    new Date(),
  );
}

export interface ConsoleAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A browser as the console's page is one: it keeps the cookies HQ sets (the session
 * and the CSRF secret) and sends the CSRF token it was given on every change.
 */
export class ConsoleClient {
  cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<ConsoleAnswer> {
    const headers: Record<string, string> = { ...extra.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method === 'POST' && extra.csrf !== false && this.csrfToken) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const response = await fetch(`${this.baseUrl}/v1/console${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: response.status, body: parsed };
  }

  login(username: string, password = consolePassword): Promise<ConsoleAnswer> {
    return this.call('POST', '/login', { username, password });
  }
}
