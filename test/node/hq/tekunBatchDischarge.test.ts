import { afterEach, describe, expect, it } from 'vitest';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { newRecordId } from '@shared/records/ids';
import { tekunModule } from '@shared/programmes/tekun/module';
import { loadReferenceFacts } from '../../../hq/src/sync/authority/officeFacts';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { registerResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { registerFamily } from '../../support/officeWork';
import { sync } from '../../support/syncDesks';
import { smallHome } from '../elderlyCare/elderlyFixtures';
import {
  cases,
  fieldsOf,
  Forge,
  forgerActors,
  hqCase,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * 特困 集中供养 at HQ reads the resident's stay as the push batch leaves it: a hostile desk
 * that discharges the resident and, in the same batch, corrects the 特困 case that still
 * names the home is refused (`tekun.resident_not_staying`); the discharge stands. Before,
 * HQ read only the movements stored before the batch and let the case through.
 */
afterEach(stopHostileOffice);

describe.each(cases.filter((c) => c.mode === 'online'))(
  '特困 with a discharge in the same batch, $storage.kind',
  ({ storage, mode }) => {
    it('sees the batch’s own discharge', async () => {
      const office = await setUp(storage);
      const desk = office.honest;
      // The head of a new household, admitted to a home on 1 March (the honest desk).
      const family = await registerFamily(desk);
      const head = family.household.headPersonId;
      const { institution, beds } = await smallHome(desk.db, desk.ctx);
      const resident = await registerResident(desk.db, desk.ctx, {
        person: { existingPersonId: head },
        fundingCategory: 'tekun',
        emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
      });
      await recordMovement(desk.db, desk.ctx, {
        residentId: resident.id,
        type: 'admit',
        bedId: beds.a.id,
        date: '2026-03-01',
      });
      expect((await sync(desk)).rejected).toBe(0);

      const forge = new Forge(office, mode);
      await forge.start();
      const reference = await office.hq.hq.db
        .transaction()
        .execute((trx) => loadReferenceFacts(trx));
      const draft = (await hqCase(office, office.draftId)).data as unknown as AssistanceCaseData;
      const items = (level: 'able' | 'unable') =>
        Object.fromEntries(
          ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'].map(
            (i) => [i, level],
          ),
        );
      const tekun: AssistanceCaseData = {
        ...draft,
        programme: 'tekun',
        householdId: family.household.id,
        applicantPersonId: head,
        applicantName: family.household.headName,
        coveredPersonIds: [head],
        programmeFacts: {
          basis: 'elderly',
          noWorkCapacity: true,
          noIncomeSource: true,
          supporter: { status: 'none', note: '' },
          selfCare: { assessedOn: '2026-03-02', items: items('able'), level: 'able' },
          support: { form: 'institution', residentId: resident.id },
        },
      };
      tekun.benefit = tekunModule.calculate(tekun, tekun.applicationDate, {
        standards: reference.standards,
        rules: reference.rules,
        settings: defaultOfficeSettings,
      });
      // Staying on the op's day: the 集中供养 case stands.
      const caseId = newRecordId();
      const created = forge.op({ op: 'create', recordId: caseId, baseVersion: 0, fields: tekun });
      expect((await forge.send([created]))[0]?.status).toBe('applied');

      // One batch: the resident discharged on 14 April, then the case corrected (the
      // supporter's note) as if still in the home.
      const discharge = forge.op({
        kind: 'elderlyMovement',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: {
          residentId: resident.id,
          institutionId: institution.id,
          type: 'discharge',
          date: '2026-04-14',
          bedId: beds.a.id,
          fromBedId: null,
          dischargeReason: 'normal',
          destination: '回家居住',
          reversesId: null,
          reason: '',
          actorName: forgerActors.registrar.name,
          bedIds: [beds.a.id],
        },
      });
      const correction = forge.op({
        recordId: caseId,
        baseVersion: 1,
        fields: {
          programmeFacts: {
            ...tekun.programmeFacts,
            supporter: { status: 'none', note: '无法定赡养人' },
          },
        },
        reason: '补充赡养情况',
      });
      const results = await forge.send([discharge, correction]);
      expect(results[0]?.status).toBe('applied');
      expect(fieldsOf(results[1])).toEqual([
        'programmeFacts.support.residentId:tekun.resident_not_staying',
      ]);
      expect((await hqCase(office, caseId)).version).toBe(1);
    });
  },
);
