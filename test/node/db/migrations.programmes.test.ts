import { describe, expect, it } from 'vitest';
import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { programmeSchemaVersion } from '../../../renderer/src/db/tables/programmeTables';

/** v10 → v11 (the programme engine), as the other migration tests do. */
describe('schema v11: programmes', () => {
  it('is version 11, adds the rules store and re-declares cases with programme indexes', () => {
    expect(programmeSchemaVersion.version).toBe(11);
    expect(Object.keys(programmeSchemaVersion.stores).sort()).toEqual(['cases', 'programmeRules']);
    expect(programmeSchemaVersion.upgrade).toBeUndefined();
  });

  it('v10 → v11: a stored 低保 case is found by programme and status and reads with the new fields empty', async () => {
    const name = `mig-${newRecordId()}`;
    const v10 = new DeskDatabase(name, 10);
    await v10.open();
    // A case as v10 stored it: no step dates past decisionDue, no programme facts.
    const stored = {
      id: 'c1',
      programme: 'dibao',
      householdId: 'h1',
      applicantPersonId: 'p1',
      applicantName: '张三丰',
      category: 'rural',
      areaCode: '330102',
      coveredPersonIds: ['p1'],
      income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: '2026-03-02',
      benefit: {
        standardId: 's1',
        standardFen: 63200,
        coveredCount: 1,
        countedIncomeFen: 0,
        benefitFen: 63200,
        classification: 'dibao',
        computedForDate: '2026-03-02',
      },
      status: 'active',
      statusChangedAt: '2026-04-01T01:00:00.000Z',
      acceptedOn: '2026-03-03',
      noticeStartedOn: '2026-03-10',
      noticeEnd: '2026-03-19',
      decisionDue: '2026-04-14',
      searchTokens: ['张三丰'],
      updatedAt: 'x',
    };
    await v10.table('cases').add(stored);
    await v10.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'c1' });
    v10.close();

    const v11 = new DeskDatabase(name, 11);
    await v11.open();
    expect(v11.verno).toBe(11);
    expect(v11.table('programmeRules').schema.idxByName.key).toBeDefined();
    const found = await v11
      .table('cases')
      .where('[programme+status]')
      .equals(['dibao', 'active'])
      .toArray();
    expect(found.map((c: { id: string }) => c.id)).toEqual(['c1']);
    const parsed = assistanceCaseDataSchema.parse(found[0]);
    expect(parsed).toMatchObject({
      decidedOn: null,
      paymentFrom: null,
      reviewDue: null,
      programmeFacts: {},
      previousCaseId: null,
      benefit: { parts: [] },
    });
    expect(await v11.table('queue').count()).toBe(1);
    v11.close();
  });
});
