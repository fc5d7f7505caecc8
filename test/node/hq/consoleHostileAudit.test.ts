import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';

/**
 * Hostile review of the console (issue #14): a low role probing the changing routes
 * with any body is refused for its role first, and every refusal is an audit line; the
 * audit log cannot be stuffed with megabytes by anyone signed in, nor keep a secret.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const lines = async (hq: RunningHq) =>
  (await listAudit(hq.hq.db, 200)).map((a) => `${a.username}:${a.action}:${a.target}:${a.result}`);

describe('the console’s refusals and its audit log', () => {
  it('refuses a viewer by role before looking at the body, and logs each refusal', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'zhao', 'viewer');
    const viewer = new ConsoleClient(hq.url);
    await viewer.login('zhao');
    const probes: [string, unknown][] = [
      ['/cases/case-1/decision', {}],
      ['/cases/case-1/decision', { action: 'confirm', opinion: 'x'.repeat(5000) }],
      ['/cases/case-1/reveal', { personId: 42 }],
      ['/queue/confirm', { caseIds: [], opinion: '' }],
      [
        '/queue/confirm',
        { caseIds: Array.from({ length: 5000 }, (_, i) => `c${i}`), opinion: '同意' },
      ],
      ['/users', { username: 'evil' }],
      ['/users/someone/disabled', { disabled: 'yes' }],
      ['/users/someone/password', {}],
      ['/offices', { id: '' }],
      // Path parameters out of their rule: still the role's refusal first.
      [`/cases/${'x'.repeat(65)}/decision`, { action: 'confirm', opinion: '同意' }],
      [`/cases/${'x'.repeat(65)}/reveal`, { personId: 'p' }],
      [`/users/${'u'.repeat(65)}/password`, { password: 'long-enough-pw' }],
      [`/offices/${'o'.repeat(41)}/enrollment-codes`, {}],
      [`/devices/${'d'.repeat(65)}/revoke`, {}],
    ];
    for (const [path, body] of probes) {
      const answer = await viewer.call('POST', path, body);
      expect({ path, status: answer.status, details: answer.body.details }).toEqual({
        path,
        status: 403,
        details: { reason: 'console.role', role: 'viewer' },
      });
    }
    const refused = (await lines(hq)).filter(
      (l) => l.startsWith('zhao:') && l.endsWith(':forbidden'),
    );
    expect(refused).toHaveLength(probes.length);
  });

  it('logs a reviewer’s decision refused for its input, not only the ones that reach the case', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'li', 'reviewer');
    const reviewer = new ConsoleClient(hq.url);
    await reviewer.login('li');
    const tooLong = await reviewer.call('POST', '/cases/case-1/decision', {
      action: 'confirm',
      opinion: '同'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    const emptyBulk = await reviewer.call('POST', '/queue/confirm', {
      caseIds: ['a'],
      opinion: ' ',
    });
    expect(emptyBulk.status).toBe(400);
    const audit = await lines(hq);
    expect(audit).toContain('li:case.confirm:case-1:validation');
    expect(audit).toContain('li:case.bulk_confirm::validation');
  });

  it('logs a read refused for its query or path, as every other refusal', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'zhao', 'viewer');
    const viewer = new ConsoleClient(hq.url);
    await viewer.login('zhao');
    for (const path of [
      '/figures?month=2026-13',
      '/figures.xlsx?month=2026-13',
      '/rolls?programme=nope',
      '/queue?overdue=maybe',
      `/cases/${'c'.repeat(65)}`,
      `/rolls/${'r'.repeat(65)}`,
      `/offices/${'o'.repeat(41)}`,
    ]) {
      expect({ path, status: (await viewer.call('GET', path)).status }).toEqual({
        path,
        status: 400,
      });
    }
    const refused = (await lines(hq)).filter((l) => l.endsWith(':validation'));
    expect(refused.map((l) => l.split(':')[1]).sort()).toEqual([
      'case.read',
      'figures.export',
      'figures.read',
      'office.read',
      'queue.read',
      'roll.read',
      'rolls.read',
    ]);
  });

  it('keeps an audit line small whatever body a refused publisher sent', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'zhao', 'viewer');
    const viewer = new ConsoleClient(hq.url);
    await viewer.login('zhao');
    const stuffing = { note: 'x'.repeat(3_000_000) };
    for (let i = 0; i < 3; i++) {
      const answer = await viewer.call('POST', '/reference/standards', stuffing);
      expect(answer.status).toBe(403);
    }
    const rows = await sql<{
      n: number;
    }>`select max(length(detail)) as n from console_audit`.execute(hq.hq.db);
    expect(Number(rows.rows[0]?.n)).toBeLessThan(10_000);
    const line = (await listAudit(hq.hq.db, 1))[0];
    expect(line?.action).toBe('reference.standard.publish');
    expect(line?.detail).toMatchObject({ truncated: true });
  });

  it('never writes a password or an enrollment code into the audit log', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    const admin = new ConsoleClient(hq.url);
    await admin.login('wang');
    const added = await admin.call('POST', '/users', {
      username: 'newbie',
      displayName: '新人',
      role: 'reviewer',
      password: 'first-secret-pass',
    });
    expect(added.status).toBe(200);
    const userId = (added.body.user as { id: string }).id;
    await admin.call('POST', `/users/${userId}/password`, { password: 'second-secret-pass' });
    await admin.call('POST', '/users', {
      username: 'short',
      displayName: '短',
      role: 'viewer',
      password: 'tiny-pw',
    });
    await admin.login('wang', 'wrong-secret-typed');
    await admin.login('wang');
    await admin.call('POST', '/offices', { id: 'office-z', name: '测试镇' });
    const code = await admin.call('POST', '/offices/office-z/enrollment-codes', {});
    expect(code.status).toBe(200);
    const text = JSON.stringify(await listAudit(hq.hq.db, 200));
    for (const secret of [
      'first-secret-pass',
      'second-secret-pass',
      'tiny-pw',
      'wrong-secret-typed',
      'county-pass-2026',
      String(code.body.code),
      String(code.body.code).replace(/-/g, ''),
    ]) {
      expect({ secret, inAudit: text.includes(secret) }).toEqual({ secret, inAudit: false });
    }
  });

  it('pages back through the audit log, so a flood of reads cannot push an action out of reach', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    await consoleUser(hq, 'li', 'reviewer');
    const reviewer = new ConsoleClient(hq.url);
    await reviewer.login('li');
    await reviewer.call('POST', '/cases/case-9/reveal', { personId: 'p-9' });
    for (let i = 0; i < 210; i++) await reviewer.call('GET', '/spot-checks');
    const admin = new ConsoleClient(hq.url);
    await admin.login('wang');
    const seen: string[] = [];
    let before = '';
    for (let page = 0; page < 3 && !seen.includes('id.reveal'); page++) {
      const answer = await admin.call('GET', `/audit${before ? `?before=${before}` : ''}`);
      expect(answer.status).toBe(200);
      const got = answer.body.lines as { id: string; action: string }[];
      seen.push(...got.map((l) => l.action));
      before = got.at(-1)?.id ?? '';
    }
    expect(seen).toContain('id.reveal');
    const odd = await admin.call('GET', `/audit?before=${'x'.repeat(65)}`);
    expect(odd.status).toBe(400);
  });
});
