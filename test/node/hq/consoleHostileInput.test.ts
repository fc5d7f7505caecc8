import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';

/**
 * Hostile review of the console (issue #14): odd input to every route an administrator
 * holds — out-of-range months and years, fractional or negative fen, wrong types,
 * odd path characters, deep or non-JSON bodies — is refused with a 4xx naming it, never
 * a 500 and never written.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const standard = {
  areaCode: '330102',
  category: 'rural',
  effectiveFrom: '2027-01-01',
  effectiveTo: null,
  amountFen: 85000,
  note: '',
};

describe('odd input to the console', () => {
  it('answers 4xx for every malformed request, and writes nothing', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    const admin = new ConsoleClient(hq.url);
    await admin.login('wang');
    const history = async () =>
      ((await admin.call('GET', '/reference/standards')).body.history as unknown[]).length;
    const standardsBefore = await history();
    let deep: unknown = {};
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const reads = [
      '/figures?month=2026-13',
      '/figures?month=2026-00',
      '/figures?month=2026-1',
      '/figures?month=2026-01&month=2026-02',
      '/figures.xlsx?month=2026-13',
      '/figures.xlsx?month=%0d%0aSet-Cookie:%20x=1',
      '/rolls?month=2026-13',
      '/rolls?programme=nope',
      '/queue?overdue=maybe',
      `/cases/${'x'.repeat(65)}`,
      '/cases/%00',
      '/cases/..%2f..%2faudit',
      `/rolls/${'r'.repeat(65)}`,
      `/offices/${'o'.repeat(41)}`,
      '/offices/%3Cscript%3E',
    ];
    for (const path of reads) {
      const answer = await admin.call('GET', path);
      expect({ path, ok: answer.status >= 400 && answer.status < 500 }).toEqual({ path, ok: true });
    }
    // A month far out of any payment: empty figures, never a 5xx.
    const cookie = () => [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const path of [
      '/figures?month=0000-01',
      '/figures.xlsx?month=0000-01',
      '/figures?month=9999-12',
    ]) {
      const response = await fetch(`${hq.url}/v1/console${path}`, {
        headers: { cookie: cookie() },
      });
      await response.arrayBuffer();
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const writes: [string, unknown][] = [
      ['/reference/standards', { ...standard, amountFen: 85000.5 }],
      ['/reference/standards', { ...standard, amountFen: -1 }],
      ['/reference/standards', { ...standard, amountFen: '850.00' }],
      ['/reference/standards', { ...standard, effectiveFrom: '2027-02-30' }],
      ['/reference/standards', { ...standard, effectiveTo: '2026-12-31' }],
      ['/reference/standards', { ...standard, areaCode: { $ne: 1 } }],
      ['/reference/standards', deep],
      ['/reference/standards', [standard]],
      ['/reference/standards', null],
      ['/reference/calendars', { year: 1999, holidays: [], extraWorkdays: [] }],
      ['/reference/calendars', { year: 2101, holidays: [], extraWorkdays: [] }],
      ['/reference/calendars', { year: 2027, holidays: ['2026-12-07'], extraWorkdays: [] }],
      ['/reference/calendars', { year: 2027.5, holidays: [], extraWorkdays: [] }],
      // More days than a year has (here one day 400 times): sent to every desk otherwise.
      [
        '/reference/calendars',
        { year: 2027, holidays: Array(400).fill('2027-01-01'), extraWorkdays: [] },
      ],
      [
        '/reference/calendars',
        { year: 2027, holidays: [], extraWorkdays: Array(400).fill('2027-01-02') },
      ],
      [
        '/reference/delegations',
        { office: 'no-such-office', confirmationDelegated: true, effectiveFrom: '2027-01-01' },
      ],
      ['/reference/rules', { key: 'no.such.key', programme: 'dibao', value: 1 }],
      [
        '/users',
        { username: ['wang'], displayName: 'x', role: 'admin', password: 'long-enough-pw' },
      ],
      [
        '/users',
        { username: 'root', displayName: 'x', role: 'superuser', password: 'long-enough-pw' },
      ],
      ['/users', { username: 'wang', displayName: 'x', role: 'admin', password: 'long-enough-pw' }],
      ['/users', { username: 'a b', displayName: 'x', role: 'admin', password: 'long-enough-pw' }],
      ['/offices', { id: '../etc', name: '镇' }],
      ['/offices', { id: 'office-x', name: 'x'.repeat(61) }],
      ['/offices/nope/enrollment-codes', {}],
      ['/devices/nope/revoke', {}],
      ['/cases/nope/decision', { action: 'confirm', opinion: '同意' }],
      ['/cases/nope/reveal', { personId: 'p' }],
    ];
    for (const [path, body] of writes) {
      const answer = await admin.call('POST', path, body);
      expect({ path, body, ok: answer.status >= 400 && answer.status < 500 }).toEqual({
        path,
        body,
        ok: true,
      });
    }
    // A JSON body under another type (what a cross-site form can send): refused.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const answer = await fetch(`${hq.url}/v1/console/reference/standards`, {
        method: 'POST',
        headers: {
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': admin.csrfToken,
          'content-type': type,
        },
        body: JSON.stringify(standard),
      });
      expect({ type, refused: [400, 415].includes(answer.status) }).toEqual({
        type,
        refused: true,
      });
    }
    expect(await history()).toBe(standardsBefore);
    const users = (await admin.call('GET', '/users')).body.users as unknown[];
    expect(users).toHaveLength(1);
  });
});
