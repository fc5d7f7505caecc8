import { afterEach, describe, expect, it } from 'vitest';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { applyForDibao, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { applyForTemporary, fireFacts } from './temporaryKit';

/**
 * One open case per person and programme at HQ: two desks of one office, apart, each
 * open a 低保 case for the same family. The first to sync stands; the second is refused
 * with the desk's own reason (case.person_in_open_case), and nothing of it reaches HQ.
 * A case of another programme for the same family is not a clash.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe.each(hqStorages)('one open case per person over $kind', (storage) => {
  it('refuses the second desk’s case for a person already in an open case', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const a = await openOfficeDesk('office-a', 'a1');
    const b = await openOfficeDesk('office-a', 'a2');
    for (const desk of [a, b]) await enroll(desk, hq);
    const family = await registerFamily(a);
    await sync(a);
    await sync(b);
    const facts = {
      householdId: family.household.id,
      headPersonId: family.household.headPersonId,
      headName: family.household.headName,
      memberIds: family.members.map((m) => m.person.id),
    };
    // Apart: each desk's write path sees no other open case and lets its own through.
    const first = await applyForDibao(a, facts);
    const second = await applyForDibao(b, facts);
    expect((await sync(a)).rejected).toBe(0);
    const report = await sync(b);
    expect(report.rejected).toBe(1);
    const [refused] = await b.db.rejectedOps.toArray();
    expect(refused?.entry.recordId).toBe(second.id);
    expect(refused?.reason).toMatchObject({
      code: 'duplicate',
      fieldErrors: [
        {
          path: 'coveredPersonIds',
          code: 'case.person_in_open_case',
          params: { name: family.household.headName },
        },
      ],
      details: { existingId: first.id },
    });
    const atHq = await hq.hq.db
      .selectFrom('records')
      .select('id')
      .where('kind', '=', 'assistanceCase')
      .execute();
    expect(atHq.map((r) => r.id)).toEqual([first.id]);

    // Another programme for the same family is no clash.
    await applyForTemporary(a, family, fireFacts());
    expect((await sync(a)).rejected).toBe(0);
  });

  it('refuses the same in a batch of many cases (judged against an index of the office)', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const a = await openOfficeDesk('office-a', 'a1');
    const b = await openOfficeDesk('office-a', 'a2');
    for (const desk of [a, b]) await enroll(desk, hq);
    const family = await registerFamily(a);
    const facts = (f: Awaited<ReturnType<typeof registerFamily>>) => ({
      householdId: f.household.id,
      headPersonId: f.household.headPersonId,
      headName: f.household.headName,
      memberIds: f.members.map((m) => m.person.id),
    });
    const first = await applyForDibao(a, facts(family));
    expect((await sync(a)).rejected).toBe(0);
    await sync(b);
    // The other desk had not pulled the first case when it opened its own, among 24 others.
    await b.db.cases.delete(first.id);
    for (let i = 0; i < 24; i++) await applyForDibao(b, facts(await registerFamily(b)));
    const twin = await applyForDibao(b, facts(family));
    const report = await sync(b);
    expect(report.rejected).toBe(1);
    const [refused] = await b.db.rejectedOps.toArray();
    expect(refused?.entry.recordId).toBe(twin.id);
    expect(refused?.reason.fieldErrors?.[0]?.code).toBe('case.person_in_open_case');
  });
});
