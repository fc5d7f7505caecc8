import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { defaultConsoleConfig } from '../../../hq/src/console/consoleConfig';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { applyForTemporary, fireFacts, walk } from './temporaryKit';

/**
 * 待确认 on the real HQ (issue #14 item 2): a 低保 case and a 临时救助 case from two
 * offices in one queue, the case file with masked IDs and a logged reveal, decisions
 * through decideCase reaching the desk, bulk confirm with a result per case, 抽查 of
 * township-confirmed cases; a viewer and a request without the CSRF token refused.
 */
interface QueueBody {
  today: string;
  villages: string[];
  cases: {
    id: string;
    officeId: string;
    programme: string;
    villageName: string;
    overdue: boolean;
    countyActions: { action: string; approves: boolean }[];
  }[];
}

let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe.each(hqStorages)('the confirmation queue over $kind', (storage) => {
  it('queues both programmes, shows the case file, decides, bulk-confirms and draws 抽查', async () => {
    const hq = await startHq({
      storage,
      server: { console: { ...defaultConsoleConfig, spotCheckPercent: 50 } },
    });
    running = hq;
    const deskA = await openOfficeDesk('office-a', 'a1');
    const deskB = await openOfficeDesk('office-b', 'b1');
    for (const desk of [deskA, deskB]) {
      await enroll(desk, hq);
      await sync(desk);
    }
    const familyA = await registerFamily(deskA);
    const dibao = await caseAtCountyReview(deskA, familyA);
    const toDeny = await caseAtCountyReview(deskA, await registerFamily(deskA));
    const toOpinion = ['submit', 'accept', 'start_investigation', 'record_opinion'] as const;
    const large = await applyForTemporary(
      deskB,
      await registerFamily(deskB),
      fireFacts({ proposedFen: 300000 }),
    );
    await walk(deskB, large.id, [...toOpinion, 'submit_to_county']);
    // A small amount the township approves itself: township-confirmed, for 抽查.
    const small = await applyForTemporary(deskB, await registerFamily(deskB), fireFacts());
    await walk(deskB, small.id, [...toOpinion, 'approve_at_township']);
    for (const desk of [deskA, deskB]) expect((await sync(desk)).rejected).toBe(0);

    await consoleUser(hq, 'li', 'reviewer');
    await consoleUser(hq, 'zhao', 'viewer');
    const reviewer = new ConsoleClient(hq.url);
    const viewer = new ConsoleClient(hq.url);
    expect((await reviewer.login('li')).status).toBe(200);
    expect((await viewer.login('zhao')).status).toBe(200);

    // One queue for every programme and office, each with its county actions.
    const queue = (await reviewer.call('GET', '/queue')).body as unknown as QueueBody;
    const byId = new Map(queue.cases.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([dibao.id, toDeny.id, large.id].sort());
    expect(byId.get(dibao.id)).toMatchObject({ programme: 'dibao', officeId: 'office-a' });
    expect(
      byId
        .get(dibao.id)
        ?.countyActions.map((a) => a.action)
        .sort(),
    ).toEqual(['confirm', 'deny', 'return_to_township']);
    expect(byId.get(large.id)).toMatchObject({ programme: 'temporary', villageName: '东村' });
    expect(byId.get(large.id)?.countyActions).toContainEqual(
      expect.objectContaining({ action: 'approve', approves: true }),
    );
    expect(queue.villages).toEqual(['东村']);
    const ids = async (query: string) =>
      ((await reviewer.call('GET', `/queue${query}`)).body as unknown as QueueBody).cases
        .map((c) => c.id)
        .sort();
    expect(await ids('?office=office-b')).toEqual([large.id]);
    expect(await ids('?programme=dibao')).toEqual([dibao.id, toDeny.id].sort());
    expect(await ids('?village=西村')).toEqual([]);
    const overdue = queue.cases.filter((c) => c.overdue).map((c) => c.id);
    expect(overdue).toContain(dibao.id); // due in spring, HQ's today is later
    expect(await ids('?overdue=1')).toEqual(overdue.sort());

    // The case file: members with masked IDs, the computation, the history with opinions.
    const file = await reviewer.call('GET', `/cases/${dibao.id}`);
    expect(file.status).toBe(200);
    const head = familyA.members[0]?.person;
    if (!head) throw new Error('no head');
    expect(JSON.stringify(file.body)).not.toContain(head.idNumber);
    expect(file.body.members).toContainEqual(
      expect.objectContaining({
        personId: head.id,
        idNumberMasked: `${head.idNumber.slice(0, 6)}********${head.idNumber.slice(14)}`,
      }),
    );
    expect(file.body.benefit).toMatchObject({ standardFen: expect.any(Number) });
    expect(file.body.events).toContainEqual(
      expect.objectContaining({ action: 'submit_to_county', opinion: 'submit_to_county 意见' }),
    );
    // A reveal: the whole number, logged; a viewer may not.
    const reveal = await reviewer.call('POST', `/cases/${dibao.id}/reveal`, { personId: head.id });
    expect(reveal.body).toEqual({ personId: head.id, idNumber: head.idNumber });
    const viewerReveal = await viewer.call('POST', `/cases/${dibao.id}/reveal`, {
      personId: head.id,
    });
    expect(viewerReveal.status).toBe(403);

    // A viewer cannot decide; nor can a request without the CSRF token; nor an empty
    // opinion; nor an action that is not the county's.
    const viewerDecides = await viewer.call('POST', `/cases/${dibao.id}/decision`, {
      action: 'confirm',
      opinion: '同意',
    });
    expect(viewerDecides.status).toBe(403);
    expect(viewerDecides.body.details).toEqual({ reason: 'console.role', role: 'viewer' });
    const forged = await reviewer.call(
      'POST',
      `/cases/${dibao.id}/decision`,
      { action: 'confirm', opinion: '同意' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.details).toEqual({ reason: 'console.csrf' });
    const silent = await reviewer.call('POST', `/cases/${dibao.id}/decision`, {
      action: 'confirm',
      opinion: '  ',
    });
    expect(silent.status).toBe(400);
    expect(silent.body.fieldErrors).toEqual([
      { path: 'opinion', code: 'workflow.opinion_required' },
    ]);
    const notCounty = await reviewer.call('POST', `/cases/${dibao.id}/decision`, {
      action: 'start_payment',
      opinion: '直接发放',
    });
    expect(notCounty.status).toBeGreaterThanOrEqual(400);
    expect(notCounty.status).toBeLessThan(500);
    await sync(deskA);
    expect(await deskA.db.cases.get(dibao.id)).toMatchObject({ status: 'county_review' });

    // A denial with its opinion; then bulk confirm of a selection, a result per case.
    const denied = await reviewer.call('POST', `/cases/${toDeny.id}/decision`, {
      action: 'deny',
      opinion: '家庭存款超过规定',
    });
    expect(denied.status).toBe(200);
    const viewerBulk = await viewer.call('POST', '/queue/confirm', {
      caseIds: [dibao.id],
      opinion: '同意',
    });
    expect(viewerBulk.status).toBe(403);
    const bulk = await reviewer.call('POST', '/queue/confirm', {
      caseIds: [dibao.id, toDeny.id, 'no-such-case', large.id],
      opinion: '经审核，同意',
    });
    expect(bulk.status).toBe(200);
    const results = bulk.body.results as {
      caseId: string;
      ok: boolean;
      action?: string;
      error?: { code: string };
    }[];
    expect(results.map((r) => [r.caseId, r.ok, r.action ?? r.error?.code])).toEqual([
      [dibao.id, true, 'confirm'],
      [toDeny.id, false, 'invalid_transition'],
      ['no-such-case', false, 'not_found'],
      [large.id, true, 'approve'],
    ]);
    expect(((await reviewer.call('GET', '/queue')).body as unknown as QueueBody).cases).toEqual([]);

    // The decisions reach the desks as any county decision does.
    await sync(deskA);
    await sync(deskB);
    expect(await deskA.db.cases.get(dibao.id)).toMatchObject({ status: 'confirmed' });
    expect(await deskA.db.cases.get(toDeny.id)).toMatchObject({ status: 'denied' });
    expect(await deskB.db.cases.get(large.id)).toMatchObject({ status: 'approved' });
    const events = await deskA.db.caseEvents.where('caseId').equals(dibao.id).toArray();
    expect(events.find((e) => e.action === 'confirm')).toMatchObject({
      actorRole: 'county',
      actorName: 'li 同志（li）',
      opinion: '经审核，同意',
    });

    // 抽查: the township-approved case is the whole population; 50 % of 1 takes it.
    expect((await viewer.call('POST', '/spot-checks', {})).status).toBe(403);
    const drawn = await reviewer.call('POST', '/spot-checks', {});
    expect(drawn.status).toBe(200);
    expect(drawn.body).toMatchObject({ population: 1, percent: 50, caseIds: [small.id] });
    const listed = await viewer.call('GET', '/spot-checks');
    expect(listed.body).toMatchObject({
      percent: 50,
      checks: [
        {
          drawnBy: 'li 同志（li）',
          population: 1,
          cases: [
            {
              caseId: small.id,
              officeId: 'office-b',
              confirmed: expect.objectContaining({ action: 'approve_at_township' }),
            },
          ],
        },
      ],
    });

    const audit = (await listAudit(hq.hq.db, 200)).map(
      (a) => `${a.username}:${a.action}:${a.result}`,
    );
    expect(audit).toContain('li:id.reveal:ok');
    expect(audit).toContain('zhao:id.reveal:forbidden');
    expect(audit).toContain('zhao:case.confirm:forbidden');
    expect(audit).toContain('li:case.deny:ok');
    expect(audit).toContain('li:case.bulk_confirm:invalid_transition');
    expect(audit).toContain('li:spot_check.draw:ok');
    expect(audit).toContain('li:POST /v1/console/cases/:caseId/decision:csrf');
  }, 60_000);
});
