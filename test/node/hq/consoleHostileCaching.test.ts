import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * Hostile review of the console (issue #14): what a browser, a shared computer or a
 * proxy between them may keep of the console's answers, and what the static pages
 * let a visitor reach.
 */
let running: RunningHq | null = null;
let dir: string | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function cacheHeader(hq: RunningHq, path: string, init: RequestInit = {}) {
  const response = await fetch(`${hq.url}${path}`, init);
  await response.arrayBuffer();
  return { status: response.status, cache: response.headers.get('cache-control') };
}

describe('what may be kept of the console’s answers', () => {
  it('marks every API answer no-store: the whole ID number, the one-time enrollment code, the CSRF token', async () => {
    const hq = await startHq();
    running = hq;
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await sync(desk);
    const family = await registerFamily(desk);
    const kase = await caseAtCountyReview(desk, family);
    await sync(desk);
    await consoleUser(hq, 'wang', 'admin');
    const browser = new ConsoleClient(hq.url);
    const login = await fetch(`${hq.url}/v1/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'county-pass-2026' }),
    });
    expect(login.headers.get('cache-control')).toBe('no-store');
    await browser.login('wang');
    const headers = () => ({
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': browser.csrfToken,
      'content-type': 'application/json',
    });
    const personId = family.members[0]?.person.id ?? '';
    const reveal = await fetch(`${hq.url}/v1/console/cases/${kase.id}/reveal`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ personId }),
    });
    expect(reveal.status).toBe(200);
    expect(((await reveal.json()) as { idNumber: string }).idNumber.length).toBe(18);
    expect(reveal.headers.get('cache-control')).toBe('no-store');
    const code = await fetch(`${hq.url}/v1/console/offices/office-a/enrollment-codes`, {
      method: 'POST',
      headers: headers(),
      body: '{}',
    });
    expect(code.status).toBe(200);
    expect(code.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/session', `/cases/${kase.id}`, '/queue', '/users', '/audit']) {
      const answer = await cacheHeader(hq, `/v1/console${path}`, { headers: headers() });
      expect({ path, ...answer }).toEqual({ path, status: 200, cache: 'no-store' });
    }
    // A refusal too (it names the account or the case asked for).
    const refused = await cacheHeader(hq, '/v1/console/cases/nope', { headers: headers() });
    expect(refused).toEqual({ status: 404, cache: 'no-store' });
    expect((await cacheHeader(hq, '/v1/console/session')).cache).toBe('no-store');
  });

  it('serves only the built files under /console/, with a strict CSP, and no path out of them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-static-'));
    await mkdir(join(dir, 'site'));
    await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dir, 'secret.txt'), 'outside the console');
    const hq = await startHq({ server: { consoleDir: join(dir, 'site') } });
    running = hq;
    const page = await fetch(`${hq.url}/console/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const path of [
      '/console/../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/..%2fsecret.txt',
      '/console/%2e%2e%2fsecret.txt',
      '/console/....//secret.txt',
      '/console/%252e%252e/secret.txt',
    ]) {
      const response = await fetch(`${hq.url}${path}`);
      const text = await response.text();
      expect({ path, leaked: text.includes('outside the console') }).toEqual({
        path,
        leaked: false,
      });
    }
  });
});
