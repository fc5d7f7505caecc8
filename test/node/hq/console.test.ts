import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { defaultConsoleConfig } from '../../../hq/src/console/consoleConfig';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { enrollDesk, hqStorages, startHq, type RunningHq } from '../../support/hqHarness';

/**
 * The county console's API on the real HQ (issue #14): sign-in, lockout, CSRF, idle
 * expiry, roles, and that neither a desk's token nor the admin token opens it.
 */
describe.each(hqStorages)('county console over $kind', (storage) => {
  let hq: RunningHq | null = null;
  let clock = new Date('2026-12-05T02:00:00.000Z');
  const start = async (config = {}) => {
    clock = new Date('2026-12-05T02:00:00.000Z');
    hq = await startHq({
      storage,
      server: { now: () => clock, console: { ...defaultConsoleConfig, ...config } },
    });
    return hq;
  };
  afterEach(async () => {
    await hq?.stop();
    hq = null;
  });

  it('signs in with the right password only, and the session opens the console until logout', async () => {
    const running = await start();
    await consoleUser(running, 'wang', 'admin');
    const browser = new ConsoleClient(running.url);
    expect((await browser.call('GET', '/session')).status).toBe(401);
    const wrong = await browser.login('wang', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.details).toEqual({ reason: 'console.bad_credentials' });
    const unknown = await browser.login('nobody');
    expect(unknown.body.details).toEqual({ reason: 'console.bad_credentials' });
    const ok = await browser.login('wang');
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'wang', role: 'admin' });
    expect(JSON.stringify(ok.body)).not.toContain('password');
    expect((await browser.call('GET', '/session')).status).toBe(200);
    expect((await browser.call('POST', '/logout', {})).status).toBe(200);
    expect((await browser.call('GET', '/session')).status).toBe(401);
    const audit = await listAudit(running.hq.db, 20);
    expect(audit.map((a) => `${a.action}:${a.target}:${a.result}`).reverse()).toEqual([
      'login:wang:bad_credentials',
      'login:nobody:bad_credentials',
      'login:wang:ok',
      'logout:wang:ok',
    ]);
  });

  it('the session cookie is httpOnly and SameSite=Strict, and only its hash is stored', async () => {
    const running = await start();
    await consoleUser(running, 'wang', 'reviewer');
    const response = await fetch(`${running.url}/v1/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'county-pass-2026' }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mz_console='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const id = /^mz_console=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
    const stored = await running.hq.db.selectFrom('console_sessions').select('id_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id_hash).not.toBe(id);
  });

  it('marks the cookies Secure when the request came over HTTPS (here via the trusted proxy)', async () => {
    clock = new Date('2026-12-05T02:00:00.000Z');
    hq = await startHq({ storage, server: { now: () => clock, trustProxy: true } });
    await consoleUser(hq, 'wang', 'reviewer');
    const login = (proto: string) =>
      fetch(`${hq?.url}/v1/console/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
        body: JSON.stringify({ username: 'wang', password: 'county-pass-2026' }),
      });
    const secure = (await login('https')).headers.getSetCookie();
    expect(secure.length).toBeGreaterThanOrEqual(2);
    for (const cookie of secure) expect(cookie).toMatch(/; Secure/);
    const plain = (await login('http')).headers.getSetCookie();
    for (const cookie of plain) expect(cookie).not.toMatch(/; Secure/);
  });

  it('logs a console request with the account’s id, never its password, cookie or token', async () => {
    const written: string[] = [];
    hq = await startHq({
      storage,
      server: { log: { level: 'info', stream: { write: (line) => void written.push(line) } } },
    });
    const user = await consoleUser(hq, 'wang', 'admin');
    const browser = new ConsoleClient(hq.url);
    await browser.login('wang');
    await browser.call('GET', '/users');
    const lines = written.map(
      (text) => JSON.parse(text) as { route?: string; consoleUser?: string },
    );
    const users = lines.find((l) => l.route === '/v1/console/users');
    expect(users?.consoleUser).toBe(user.id);
    const text = written.join('\n');
    for (const secret of ['county-pass-2026', browser.csrfToken, ...browser.cookies.values()]) {
      expect(text).not.toContain(secret);
    }
  });

  it('locks an account after the configured number of wrong passwords, even for the right one', async () => {
    const running = await start({ maxFailedAttempts: 3, lockMinutes: 10 });
    await consoleUser(running, 'li', 'reviewer');
    const browser = new ConsoleClient(running.url);
    for (let i = 0; i < 2; i++) expect((await browser.login('li', 'wrong-wrong')).status).toBe(401);
    const third = await browser.login('li', 'wrong-wrong');
    expect(third.body.details).toEqual({ reason: 'console.locked' });
    const right = await browser.login('li');
    expect(right.status).toBe(401);
    expect(right.body.details).toEqual({ reason: 'console.locked' });
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await browser.login('li')).status).toBe(200);
  });

  it('counts wrong passwords sent all at once, each of them', async () => {
    const running = await start({ maxFailedAttempts: 3 });
    await consoleUser(running, 'li', 'reviewer');
    const browser = new ConsoleClient(running.url);
    await Promise.all(Array.from({ length: 6 }, () => browser.login('li', 'wrong-wrong')));
    const right = await browser.login('li');
    expect(right.body.details).toEqual({ reason: 'console.locked' });
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const running = await start({
      loginLimit: { max: 3, windowMs: 60_000 },
      maxFailedAttempts: 50,
    });
    const browser = new ConsoleClient(running.url);
    for (let i = 0; i < 3; i++) expect((await browser.login('x', 'wrong-wrong')).status).toBe(401);
    const limited = await browser.login('x', 'wrong-wrong');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
  });

  it('refuses a state-changing request without the CSRF token, and logs the refusal', async () => {
    const running = await start();
    await consoleUser(running, 'wang', 'admin');
    const browser = new ConsoleClient(running.url);
    await browser.login('wang');
    const user = {
      username: 'zhao',
      displayName: '赵',
      role: 'viewer',
      password: 'zhao-pass-2026',
    };
    const noToken = await browser.call('POST', '/users', user, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatchObject({ code: 'forbidden', details: { reason: 'console.csrf' } });
    const forged = await browser.call('POST', '/users', user, {
      csrf: false,
      headers: { 'x-csrf-token': 'forged-token' },
    });
    expect(forged.status).toBe(403);
    expect((await browser.call('POST', '/users', user)).status).toBe(200);
    const results = (await listAudit(running.hq.db, 10)).map((a) => a.result);
    expect(results.filter((r) => r === 'csrf')).toHaveLength(2);
  });

  it('ends a session idle longer than the configured minutes', async () => {
    const running = await start({ idleMinutes: 5 });
    await consoleUser(running, 'wang', 'viewer');
    const browser = new ConsoleClient(running.url);
    await browser.login('wang');
    clock = new Date(clock.getTime() + 4 * 60_000);
    expect((await browser.call('GET', '/session')).status).toBe(200);
    clock = new Date(clock.getTime() + 4 * 60_000);
    expect((await browser.call('GET', '/session')).status).toBe(200);
    clock = new Date(clock.getTime() + 6 * 60_000);
    const idle = await browser.call('GET', '/session');
    expect(idle.status).toBe(401);
    expect(idle.body.details).toEqual({ reason: 'console.signed_out' });
    expect(await running.hq.db.selectFrom('console_sessions').selectAll().execute()).toEqual([]);
    // A session nobody comes back to is removed at the next sign-in of anyone.
    const left = new ConsoleClient(running.url);
    await left.login('wang');
    clock = new Date(clock.getTime() + 6 * 60_000);
    await new ConsoleClient(running.url).login('wang');
    expect(await running.hq.db.selectFrom('console_sessions').selectAll().execute()).toHaveLength(
      1,
    );
  });

  it('a viewer and a reviewer may not manage accounts; the refusal is logged', async () => {
    const running = await start();
    await consoleUser(running, 'kan', 'viewer');
    await consoleUser(running, 'shen', 'reviewer');
    for (const name of ['kan', 'shen']) {
      const browser = new ConsoleClient(running.url);
      await browser.login(name);
      expect((await browser.call('GET', '/users')).status).toBe(403);
      const add = {
        username: `x${name}`,
        displayName: 'x',
        role: 'admin',
        password: 'xx-pass-2026',
      };
      const refused = await browser.call('POST', '/users', add);
      expect(refused.status).toBe(403);
      expect(refused.body.details).toMatchObject({ reason: 'console.role' });
    }
    const audit = await listAudit(running.hq.db, 20);
    expect(
      audit
        .filter((a) => a.result === 'forbidden')
        .map((a) => a.username)
        .sort(),
    ).toEqual(['kan', 'kan', 'shen', 'shen']);
  });

  it('an administrator adds, disables and re-passwords accounts; disabling ends their sessions', async () => {
    const running = await start();
    await consoleUser(running, 'wang', 'admin');
    const admin = new ConsoleClient(running.url);
    await admin.login('wang');
    const added = await admin.call('POST', '/users', {
      username: 'zhou',
      displayName: '周审核',
      role: 'reviewer',
      password: 'zhou-pass-2026',
    });
    expect(added.status).toBe(200);
    const id = (added.body.user as { id: string }).id;
    const short = await admin.call('POST', `/users/${id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors).toEqual([
      { path: 'password', code: 'console.password_length', params: { min: 10, max: 200 } },
    ]);
    const zhou = new ConsoleClient(running.url);
    expect((await zhou.login('zhou', 'zhou-pass-2026')).status).toBe(200);
    expect((await admin.call('POST', `/users/${id}/disabled`, { disabled: true })).status).toBe(
      200,
    );
    expect((await zhou.call('GET', '/session')).status).toBe(401);
    expect((await zhou.login('zhou', 'zhou-pass-2026')).status).toBe(401);
    await admin.call('POST', `/users/${id}/disabled`, { disabled: false });
    expect(
      (await admin.call('POST', `/users/${id}/password`, { password: 'new-zhou-2026' })).status,
    ).toBe(200);
    expect((await zhou.login('zhou', 'zhou-pass-2026')).status).toBe(401);
    expect((await zhou.login('zhou', 'new-zhou-2026')).status).toBe(200);
    const actions = (await listAudit(running.hq.db, 30)).map((a) => `${a.action}:${a.result}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.add:ok',
        'user.password:validation',
        'user.disable:ok',
        'user.enable:ok',
        'user.password:ok',
      ]),
    );
  });

  it('a desk’s device token and the admin token open nothing in the console', async () => {
    const running = await start();
    await consoleUser(running, 'wang', 'admin');
    const desk = await enrollDesk(running, 'office-a', 'device-console-1');
    for (const token of [desk.token, running.adminToken]) {
      for (const [method, path] of [
        ['GET', '/session'],
        ['GET', '/users'],
        ['GET', '/audit'],
        ['POST', '/users'],
        ['POST', '/logout'],
      ] as const) {
        const response = await fetch(`${running.url}/v1/console${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(response.status, `${method} ${path}`).toBe(401);
      }
    }
  });
});
