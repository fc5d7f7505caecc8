import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { currentSeq } from '../../../hq/src/store/changeLog';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * Reference data in the console on the real HQ (issue #14 item 3): an administrator
 * publishes a 低保 standard, a calendar year (twice), a delegation and a programme rule;
 * each version is listed with who published it and when; a viewer and a reviewer read
 * but may not publish, and nothing is written when they try; bad input is a 400 naming
 * the field; the published standard and year reach a desk on its next pull.
 */
interface Version {
  seq: number;
  id: string;
  at: string;
  by: string;
  data: Record<string, unknown>;
}

let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const standard = {
  areaCode: '330102',
  category: 'urban',
  effectiveFrom: '2027-01-01',
  effectiveTo: null,
  amountFen: 85050,
  note: '2027 年城市低保标准',
};

describe.each(hqStorages)('reference data in the console over $kind', (storage) => {
  it('publishes with history, refuses the roles that may not, reaches a desk', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await sync(desk);
    await consoleUser(hq, 'wang', 'admin');
    await consoleUser(hq, 'li', 'reviewer');
    await consoleUser(hq, 'zhao', 'viewer');
    const admin = new ConsoleClient(hq.url);
    const reviewer = new ConsoleClient(hq.url);
    const viewer = new ConsoleClient(hq.url);
    expect((await admin.login('wang')).status).toBe(200);
    expect((await reviewer.login('li')).status).toBe(200);
    expect((await viewer.login('zhao')).status).toBe(200);

    // Publishing: the publisher is the signed-in user, whatever the body says.
    const published = await admin.call('POST', '/reference/standards', {
      ...standard,
      publishedBy: '冒名者',
    });
    expect(published.status).toBe(200);
    const standardId = published.body.id as string;
    const year = { year: 2027, holidays: ['2027-01-01', '2027-02-08'], extraWorkdays: [] };
    expect((await admin.call('POST', '/reference/calendars', year)).status).toBe(200);
    const again = { ...year, extraWorkdays: ['2027-02-20'] };
    expect((await admin.call('POST', '/reference/calendars', again)).status).toBe(200);
    const delegation = {
      office: 'office-a',
      confirmationDelegated: true,
      effectiveFrom: '2026-12-01',
    };
    expect((await admin.call('POST', '/reference/delegations', delegation)).status).toBe(200);
    const rule = {
      key: 'temporary.townshipLimitFen',
      areaCode: null,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      value: 300000,
    };
    expect((await admin.call('POST', '/reference/rules', rule)).status).toBe(200);

    // Reading: the viewer sees every version with who and when.
    const standards = await viewer.call('GET', '/reference/standards');
    expect(standards.status).toBe(200);
    const history = standards.body.history as Version[];
    // The harness's two seeded standards, then the console's.
    expect(history.map((v) => v.by)).toEqual(['县民政局', '县民政局', 'wang 同志（wang）']);
    expect(history.at(-1)).toMatchObject({ id: standardId, data: { ...standard, source: 'hq' } });
    expect(Date.parse(history.at(-1)?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const rows = standards.body.standards as (Version & { inForce: boolean })[];
    expect(rows.find((r) => r.id === standardId)?.inForce).toBe(false); // from 2027
    expect(rows.filter((r) => r.inForce)).toHaveLength(2);

    const calendars = await reviewer.call('GET', '/reference/calendars');
    const yearHistory = calendars.body.history as Version[];
    expect(yearHistory.map((v) => [v.by, v.data.extraWorkdays])).toEqual([
      ['wang 同志（wang）', []],
      ['wang 同志（wang）', ['2027-02-20']],
    ]);
    expect((calendars.body.years as Version[]).map((v) => v.data.year)).toEqual([2027]);

    const delegations = await viewer.call('GET', '/reference/delegations');
    expect(delegations.body.offices).toContainEqual(
      expect.objectContaining({ id: 'office-a', delegated: true, since: '2026-12-01' }),
    );
    const rules = await viewer.call('GET', '/reference/rules');
    const byKey = new Map((rules.body.rules as { key: string }[]).map((r) => [r.key, r]));
    expect(byKey.get('temporary.townshipLimitFen')).toMatchObject({
      unit: 'fen',
      value: 300000,
      source: 'hq',
      effectiveFrom: '2026-01-01',
      publishedBy: 'wang 同志（wang）',
    });
    expect(byKey.get('temporary.repeatWindowDays')).toMatchObject({ value: 90, source: 'sample' });

    // Refusals by role: 403, logged, and nothing written.
    const before = await currentSeq(hq.hq.db, 'reference');
    for (const client of [viewer, reviewer]) {
      for (const [path, body] of [
        ['/reference/standards', standard],
        ['/reference/calendars', year],
        ['/reference/delegations', delegation],
        ['/reference/rules', rule],
      ] as const) {
        const refused = await client.call('POST', path, body);
        expect(refused.status, path).toBe(403);
        expect(refused.body.details).toMatchObject({ reason: 'console.role' });
      }
    }
    expect(await currentSeq(hq.hq.db, 'reference')).toBe(before);

    // Bad input: a 400 naming the field, nothing written.
    const cases = [
      ['/reference/standards', { ...standard, amountFen: 0 }, 'amountFen', 'field.too_small'],
      [
        '/reference/standards',
        { ...standard, effectiveTo: '2026-06-30' },
        'effectiveTo',
        'standard.period_reversed',
      ],
      ['/reference/standards', { ...standard, areaCode: '33010' }, 'areaCode', 'field.area_code'],
      ['/reference/calendars', { ...year, holidays: ['2027-13-01'] }, 'holidays.0', 'field.date'],
      [
        '/reference/calendars',
        { ...year, holidays: ['2026-10-01'] },
        'holidays.0',
        'calendar.outside_year',
      ],
      [
        '/reference/calendars',
        { ...year, extraWorkdays: ['2027-02-08'] },
        'extraWorkdays.0',
        'calendar.both',
      ],
      ['/reference/delegations', { ...delegation, office: 'office-x' }, 'office', 'office.unknown'],
      ['/reference/rules', { ...rule, value: 100_000_001 }, 'value', 'rule.out_of_range'],
      ['/reference/rules', { ...rule, key: 'dibao.nothing' }, 'key', 'rule.unknown'],
    ] as const;
    for (const [path, body, field, code] of cases) {
      const bad = await admin.call('POST', path, body);
      expect([400, 404], `${path} ${field}`).toContain(bad.status);
      expect(bad.body.fieldErrors, `${path} ${field}`).toContainEqual(
        expect.objectContaining({ path: field, code }),
      );
    }
    expect(await currentSeq(hq.hq.db, 'reference')).toBe(before);

    // Every publish and every refusal is in the audit log.
    const audit = await listAudit(hq.hq.db, 200);
    const publishes = audit.filter((l) => l.action.endsWith('.publish'));
    expect(
      publishes.filter((l) => l.username === 'wang' && l.result === 'ok').map((l) => l.action),
    ).toEqual([
      'reference.rule.publish',
      'reference.delegation.publish',
      'reference.calendar.publish',
      'reference.calendar.publish',
      'reference.standard.publish',
    ]);
    expect(publishes.filter((l) => l.result === 'forbidden')).toHaveLength(8);
    expect(publishes.filter((l) => l.username === 'wang' && l.result !== 'ok')).toHaveLength(9);

    // The desk has them on its next pull.
    expect((await sync(desk)).rejected).toBe(0);
    expect(await desk.db.benefitStandards.get(standardId)).toMatchObject({
      amountFen: 85050,
      source: 'hq',
      effectiveFrom: '2027-01-01',
    });
    expect(await desk.db.calendarYears.get('calendar-2027')).toMatchObject({
      holidays: ['2027-01-01', '2027-02-08'],
      extraWorkdays: ['2027-02-20'],
    });
  });
});
