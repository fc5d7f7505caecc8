import { expect } from 'vitest';
import { monthOf } from '@shared/calendar/dates';
import {
  advanceRoll,
  drawMonthRoll,
} from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import type { RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { activeCase } from './rollsHqKit';
import { applyForTemporary, fireFacts, walk } from './temporaryKit';

/**
 * Two offices paying through a real HQ, for the console's rolls and figures: office A
 * has an active 低保 case on an approved roll of its first paid month; office B an
 * active 低保 case without a roll and a 临时救助 one-off approved at the township.
 */
export async function twoOfficesPaying(hq: RunningHq) {
  // Their clocks start 42 days back so the county's decision (today) follows their steps.
  const start = new Date(Date.now() - 42 * 86_400_000);
  const deskA = await openOfficeDesk('office-a', 'a1', start);
  const deskB = await openOfficeDesk('office-b', 'b1', start);
  for (const desk of [deskA, deskB]) await enroll(desk, hq);
  const dibaoA = await activeCase(deskA, hq);
  const dibaoB = await activeCase(deskB, hq);
  const month = dibaoA.paymentFrom as string;
  expect(dibaoB.paymentFrom).toBe(month);

  const drawn = await drawMonthRoll(deskA.db, deskA.ctx, 'dibao', month);
  const checked = await advanceRoll(deskA.db, deskA.ctx, drawn.id, 'checked');
  const roll = await advanceRoll(
    deskA.db,
    deskA.as('supervisor'),
    drawn.id,
    'approved',
    checked.hash,
  );
  expect(roll.totalFen).toBeGreaterThan(0);

  const oneOff = await applyForTemporary(deskB, await registerFamily(deskB), fireFacts());
  const paid = await walk(deskB, oneOff.id, [
    'submit',
    'accept',
    'start_investigation',
    'record_opinion',
    'approve_at_township',
  ]);
  if (!paid?.decidedOn) throw new Error('the one-off was not decided');
  for (const desk of [deskA, deskB]) expect((await sync(desk)).rejected).toBe(0);
  return {
    deskA,
    deskB,
    month,
    dibaoA,
    dibaoB,
    roll,
    oneOff: paid,
    oneOffMonth: monthOf(paid.decidedOn),
  };
}
