import { describe, expect, it } from 'vitest';
import { oneOffPaymentOf } from '@shared/programmes/temporary/payment';
import { temporaryCase } from './temporaryFixtures';

describe('临时救助 one-off payment for the roll', () => {
  it('puts an approved case on the roll of its approval month until it is paid', () => {
    const approved = temporaryCase({ status: 'approved', decidedOn: '2026-03-31' });
    expect(oneOffPaymentOf(approved)).toEqual({
      amountFen: 150000,
      mode: 'roll',
      month: '2026-03',
      paidOn: null,
    });
    expect(oneOffPaymentOf({ ...approved, status: 'paid', endedOn: '2026-04-02' })).toEqual({
      amountFen: 150000,
      mode: 'roll',
      month: '2026-03',
      paidOn: '2026-04-02',
    });
  });

  it('lists help handed over first as paid that day, never due again', () => {
    const helped = temporaryCase({
      status: 'paid',
      helpedFirstOn: '2026-02-27',
      decidedOn: '2026-03-04',
      endedOn: '2026-03-05',
    });
    expect(oneOffPaymentOf(helped)).toEqual({
      amountFen: 150000,
      mode: 'handedOver',
      month: '2026-02',
      paidOn: '2026-02-27',
    });
    // Refused after the paperwork: the help handed over stays on record as paid.
    expect(oneOffPaymentOf({ ...helped, status: 'denied', endedOn: null })?.mode).toBe(
      'handedOver',
    );
  });

  it('pays nothing before a decision or after a refusal', () => {
    for (const status of ['draft', 'township_opinion', 'county_review', 'denied', 'withdrawn']) {
      expect(oneOffPaymentOf(temporaryCase({ status, decidedOn: '2026-03-04' }))).toBeNull();
    }
  });
});
