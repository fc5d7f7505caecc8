import { afterEach, describe, expect, it } from 'vitest';
import { defaultConsoleConfig } from '../../../hq/src/console/consoleConfig';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';

/**
 * Hostile review of the console's sessions (issue #14): a cookie chosen by an attacker
 * is never adopted, a cookie kept after logout or a password reset opens nothing, and
 * the lockout is not dodged by changing the case of the username or padding it.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('console sessions under attack', () => {
  it('adopts no planted cookie; a copied cookie dies at logout and at a password reset', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    await consoleUser(hq, 'li', 'reviewer');
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const victim = new ConsoleClient(hq.url);
    victim.cookies.set('mz_console', planted);
    expect((await victim.login('li')).status).toBe(200);
    expect(victim.cookies.get('mz_console')).not.toBe(planted);
    const attacker = new ConsoleClient(hq.url);
    attacker.cookies.set('mz_console', planted);
    expect((await attacker.call('GET', '/session')).status).toBe(401);

    // A copy of the live cookie (a second browser): dies when the owner logs out.
    const copy = new ConsoleClient(hq.url);
    copy.cookies = new Map(victim.cookies);
    expect((await copy.call('GET', '/session')).status).toBe(200);
    expect((await victim.call('POST', '/logout', {})).status).toBe(200);
    expect((await copy.call('GET', '/session')).status).toBe(401);

    // Two live sessions of one account: an administrator's new password ends both.
    const first = new ConsoleClient(hq.url);
    const second = new ConsoleClient(hq.url);
    await first.login('li');
    await second.login('li');
    const admin = new ConsoleClient(hq.url);
    await admin.login('wang');
    const users = (await admin.call('GET', '/users')).body.users as {
      id: string;
      username: string;
    }[];
    const li = users.find((u) => u.username === 'li');
    const reset = await admin.call('POST', `/users/${li?.id ?? ''}/password`, {
      password: 'a-new-password-2026',
    });
    expect(reset.status).toBe(200);
    expect((await first.call('GET', '/session')).status).toBe(401);
    expect((await second.call('GET', '/session')).status).toBe(401);
    expect((await first.login('li')).status).toBe(401);
    expect((await first.login('li', 'a-new-password-2026')).status).toBe(200);
  });

  it('counts a padded username against the account, and a changed case opens no account', async () => {
    const hq = await startHq({
      server: { console: { ...defaultConsoleConfig, maxFailedAttempts: 3 } },
    });
    running = hq;
    await consoleUser(hq, 'wang', 'reviewer');
    const browser = new ConsoleClient(hq.url);
    expect((await browser.login('WANG')).status).toBe(401);
    expect((await browser.login('Wang')).status).toBe(401);
    for (const name of ['wang', ' wang', 'wang\t']) {
      expect((await browser.login(name, 'wrong-password!')).status).toBe(401);
    }
    const locked = await browser.login(' wang ');
    expect(locked.status).toBe(401);
    expect(locked.body.details).toEqual({ reason: 'console.locked' });
    expect((await browser.login('WANG')).status).toBe(401);
  });

  it('refuses a second account whose name differs only in case', async () => {
    const hq = await startHq({});
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    const admin = new ConsoleClient(hq.url);
    expect((await admin.login('wang')).status).toBe(200);
    const twin = await admin.call('POST', '/users', {
      username: 'Wang',
      displayName: '冒名王',
      role: 'admin',
      password: 'another-password-2026',
    });
    expect(twin.status).toBe(409);
    expect(twin.body.fieldErrors).toEqual([{ path: 'username', code: 'console.username_taken' }]);
    const accounts = await hq.hq.db.selectFrom('console_users').select('username').execute();
    expect(accounts.map((a) => a.username)).toEqual(['wang']);
  });
});
