import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEventData } from '@shared/domain/caseEvent';
import { listAudit } from '../../../hq/src/console/audit';
import { liveRecords } from '../../../hq/src/console/queue/caseRows';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * Hostile review of the console's decisions (issue #14): a reveal reaches only the
 * case's own household; two decisions sent at once decide a case once; bulk confirm
 * decides nothing twice and takes no more than its bound.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('deciding cases as an attacker would', () => {
  it('reveals only the case’s household, decides a case once under racing requests, bulk-confirms nothing twice', async () => {
    const hq = await startHq();
    running = hq;
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await sync(desk);
    const familyA = await registerFamily(desk);
    const familyB = await registerFamily(desk);
    const caseA = await caseAtCountyReview(desk, familyA);
    const caseB = await caseAtCountyReview(desk, familyB);
    await sync(desk);
    await consoleUser(hq, 'li', 'reviewer');
    const reviewer = new ConsoleClient(hq.url);
    await reviewer.login('li');

    // A person of another household, through this case: not revealed, and logged.
    const stranger = familyB.members[0]?.person;
    if (!stranger) throw new Error('no member');
    const reveal = await reviewer.call('POST', `/cases/${caseA.id}/reveal`, {
      personId: stranger.id,
    });
    expect(reveal.status).toBe(404);
    expect(JSON.stringify(reveal.body)).not.toContain(stranger.idNumber);
    const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.action}:${a.target}:${a.result}`);
    expect(audit).toContain(`id.reveal:${caseA.id}:not_found`);

    // Two confirms of one case at once: one decides, the other is refused.
    const race = await Promise.all(
      [1, 2, 3].map(() =>
        reviewer.call('POST', `/cases/${caseA.id}/decision`, {
          action: 'confirm',
          opinion: '同意',
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409, 409].sort());
    const countySteps = async (caseId: string) =>
      (await liveRecords<CaseEventData>(hq.hq.db, 'caseEvent', ['office-a'])).filter(
        (e) => e.data.caseId === caseId && e.data.actorRole === 'county',
      );
    expect(await countySteps(caseA.id)).toHaveLength(1);

    // Bulk: the decided case refused, the other confirmed once though named twice.
    const bulk = await reviewer.call('POST', '/queue/confirm', {
      caseIds: [caseA.id, caseB.id, caseB.id],
      opinion: '同意',
    });
    expect(bulk.status).toBe(200);
    const results = bulk.body.results as { caseId: string; ok: boolean }[];
    expect(results.map((r) => `${r.caseId === caseA.id ? 'A' : 'B'}:${r.ok}`)).toEqual([
      'A:false',
      'B:true',
    ]);
    expect(await countySteps(caseB.id)).toHaveLength(1);
    const again = await reviewer.call('POST', '/queue/confirm', {
      caseIds: [caseB.id],
      opinion: '同意',
    });
    expect((again.body.results as { ok: boolean }[])[0]?.ok).toBe(false);
    expect(await countySteps(caseB.id)).toHaveLength(1);

    // More ids than one request may carry: refused, not cut.
    const tooMany = await reviewer.call('POST', '/queue/confirm', {
      caseIds: Array.from({ length: 201 }, (_, i) => `case-${i}`),
      opinion: '同意',
    });
    expect(tooMany.status).toBe(400);
  });
});
