import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { transitionCase } from '../../../renderer/src/db/repositories/cases';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily, step } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { applyForTemporary, fireFacts, walk } from './temporaryKit';

/**
 * 退回乡镇 (issue #14 item 2): the county sends a case back to the township to be
 * investigated again, with an opinion; the township takes it up from there. Only the
 * county may: a township supervisor's return is refused at the desk.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe.each(hqStorages)('the county returns a case over $kind', (storage) => {
  it('sends 低保 and 临时救助 cases back to investigation, with the opinion at the desk', async () => {
    // HQ's clock: the county decides after the desk's April steps, as in an office.
    let hqNow = new Date('2026-04-15T02:00:00Z');
    const hq = await startHq({ storage, server: { now: () => hqNow } });
    running = hq;
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await sync(desk);
    const dibao = await caseAtCountyReview(desk, await registerFamily(desk));
    const temporary = await applyForTemporary(
      desk,
      await registerFamily(desk),
      fireFacts({ proposedFen: 300000 }),
    );
    await walk(desk, temporary.id, [
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'submit_to_county',
    ]);

    // The township cannot send its own case back in the county's name.
    const ownReturn = transitionCase(desk.db, desk.as('supervisor'), dibao.id, dibao.version, {
      action: 'return_to_township',
      opinion: '自行退回',
      reason: '',
    });
    await expect(ownReturn).rejects.toBeInstanceOf(AppError);
    expect((await sync(desk)).rejected).toBe(0);

    await consoleUser(hq, 'li', 'reviewer');
    const reviewer = new ConsoleClient(hq.url);
    expect((await reviewer.login('li')).status).toBe(200);
    const silent = await reviewer.call('POST', `/cases/${dibao.id}/decision`, {
      action: 'return_to_township',
      opinion: '',
    });
    expect(silent.status).toBe(400);
    expect(silent.body.fieldErrors).toEqual([
      { path: 'opinion', code: 'workflow.opinion_required' },
    ]);
    for (const id of [dibao.id, temporary.id]) {
      const returned = await reviewer.call('POST', `/cases/${id}/decision`, {
        action: 'return_to_township',
        opinion: '收入核查材料不全，请补充银行流水后重新核查',
      });
      expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    }

    await sync(desk);
    expect(await desk.db.cases.get(dibao.id)).toMatchObject({ status: 'investigating' });
    expect(await desk.db.cases.get(temporary.id)).toMatchObject({ status: 'investigating' });
    const events = await desk.db.caseEvents.where('caseId').equals(dibao.id).toArray();
    expect(events.find((e) => e.action === 'return_to_township')).toMatchObject({
      from: 'county_review',
      to: 'investigating',
      actorRole: 'county',
      opinion: '收入核查材料不全，请补充银行流水后重新核查',
    });
    // The township takes it up again: a new opinion, accepted by HQ.
    hqNow = new Date('2026-04-25T02:00:00Z');
    desk.advanceDays(20);
    await step(desk, dibao.id, 'record_opinion');
    expect((await sync(desk)).rejected).toBe(0);
    expect(await desk.db.cases.get(dibao.id)).toMatchObject({ status: 'township_opinion' });
  }, 60_000);
});
