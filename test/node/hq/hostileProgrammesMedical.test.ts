import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import type { OpResult } from '@shared/sync/protocol';
import { cases, Forge, forgerActors, hqCase, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * Hostile review of 医疗救助 hand records at a real HQ: two hand records of the same
 * person that overlap, pushed in ONE batch (online or in one package). Each alone is
 * fine; HQ must judge the second against the first, as it does when they come apart.
 */

afterEach(stopHostileOffice);

const refusal = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(cases)(
  'medical hand records in one batch, $storage.kind, $mode',
  ({ storage, mode }) => {
    it('refuses the second of two overlapping hand records sent together', async () => {
      const office = await setUp(storage);
      const forge = new Forge(office, mode);
      await forge.start();
      const { registrar } = forgerActors;
      const notice = await hqCase(office, office.noticeId);
      const personId = (notice.data.coveredPersonIds as string[])[0] ?? '';
      const record = (fields: Record<string, unknown>) =>
        forge.op({
          kind: 'medicalCoverage',
          op: 'create',
          recordId: newRecordId(),
          baseVersion: 0,
          actor: registrar,
          fields: {
            personId,
            category: 'monitored',
            from: '2026-01-01',
            to: null,
            note: '',
            source: 'manual',
            overlapReason: '',
            ...fields,
          },
        });
      const [first, second] = await forge.send([
        record({}),
        record({ from: '2026-03-01', overlapReason: '重复' }),
      ]);
      expect(refusal(first)).toBe('applied');
      expect(refusal(second)).toEqual(['from:medical.overlaps_manual']);
    });
  },
);
