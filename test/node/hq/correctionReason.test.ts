import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { hqStorages } from '../../support/hqHarness';
import { Forge, hqCase, reasonOf, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * A record that keeps revisions is corrected with a reason, at HQ as at the desk
 * (shared/records/corrections.ts): a forged update without one is refused and changes
 * nothing, a workflow step needs none, and a correction with a reason keeps it in the
 * change log every desk pulls.
 */

afterEach(stopHostileOffice);

describe.each(hqStorages)('corrections at HQ over $kind', (storage) => {
  it('refuses a correction without a reason and keeps the reason of one with it', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, 'online');
    await forge.start();
    const draft = (await hqCase(office, office.draftId)).data;
    const volunteerId = newRecordId();
    const volunteer = {
      personId: String(draft.applicantPersonId),
      name: String(draft.applicantName),
      volunteerNumber: 'V-0001',
      skills: ['陪护'],
      joinedOn: '2026-03-01',
      notes: '',
      searchTokens: [],
    };
    const created = await forge.send([
      forge.op({
        kind: 'volunteer',
        op: 'create',
        recordId: volunteerId,
        baseVersion: 0,
        fields: volunteer,
      }),
    ]);
    expect(reasonOf(created[0])).toBe('applied');

    const correct = (reason: string | null) =>
      forge.op({
        kind: 'volunteer',
        recordId: volunteerId,
        baseVersion: 1,
        fields: { volunteerNumber: 'V-0002' },
        reason,
      });
    for (const missing of [null, '', '   ']) {
      const [result] = await forge.send([correct(missing)]);
      expect(reasonOf(result), JSON.stringify(missing)).toBe('record.correction_reason_required');
    }
    const stored = async () =>
      office.hq.hq.db
        .selectFrom('changes')
        .select(['reason', 'snapshot'])
        .where('record_id', '=', volunteerId)
        .orderBy('seq')
        .execute();
    // Each refusal sends the record back as HQ holds it (so the desk drops its value).
    const numbers = async () =>
      (await stored()).map(
        (r) => (JSON.parse(r.snapshot) as { volunteerNumber: string }).volunteerNumber,
      );
    expect(new Set(await numbers())).toEqual(new Set(['V-0001']));

    const [applied] = await forge.send([correct('编号录错')]);
    expect(reasonOf(applied)).toBe('applied');
    const rows = await stored();
    expect(rows.at(-1)?.reason).toBe('编号录错');
    expect((await numbers()).at(-1)).toBe('V-0002');
    expect(rows.filter((r) => r.reason !== null)).toHaveLength(1);
  });
});
