import { expect } from 'vitest';
import type { PaymentRollData } from '@shared/rolls/rollRecord';
import { savePayeeAccount } from '../../../renderer/src/db/repositories/rolls/payeeAccounts';
import { adminPost, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily, step } from '../../support/officeWork';
import { sync, type SyncDesk } from '../../support/syncDesks';

/** What the payment-roll tests at HQ share: a roll as HQ holds it, and a paid case. */

/** The roll as HQ holds it, or null. */
export async function hqRoll(running: RunningHq, id: string) {
  const row = await running.hq.db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('kind', '=', 'paymentRoll')
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? { version: Number(row.version), data: JSON.parse(row.data) as PaymentRollData }
    : null;
}

/** An active 低保 case (confirmed by the county through HQ's API) with an account, synced. */
export async function activeCase(desk: SyncDesk, running: RunningHq) {
  const family = await registerFamily(desk);
  const atCounty = await caseAtCountyReview(desk, family);
  expect((await sync(desk)).rejected).toBe(0);
  const decided = await adminPost(running.url, `/cases/${atCounty.id}/decision`, {
    action: 'confirm',
    opinion: '符合条件，予以确认',
    decidedBy: '县民政局',
  });
  expect(decided.status).toBe(200);
  await sync(desk);
  desk.advanceDays(12); // the desk's day reaches the county's decision day
  const active = await step(desk, atCounty.id, 'start_payment');
  await savePayeeAccount(desk.db, desk.ctx, {
    personId: family.household.headPersonId,
    bankName: '浙江农商银行',
    accountNumber: '6228 4800 1234 5678 901',
    oneCard: true,
  });
  expect((await sync(desk)).rejected).toBe(0);
  return active;
}
