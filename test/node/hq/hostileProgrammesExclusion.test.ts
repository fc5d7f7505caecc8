import { afterEach, describe, expect, it } from 'vitest';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { newRecordId } from '@shared/records/ids';
import { tekunModule } from '@shared/programmes/tekun/module';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { loadReferenceFacts } from '../../../hq/src/sync/authority/officeFacts';
import { transitionCase } from '../../../renderer/src/db/repositories/cases';
import { adminPost } from '../../support/hqHarness';
import { step } from '../../support/officeWork';
import { sync } from '../../support/syncDesks';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * 特困 ↔ 低保 at approval (the modules' `excludes`): a hostile desk of the office enrols
 * (名册转入, the approving step it can forge without a 公示) a 特困 case for a person in
 * force in 低保 and the other way round, in separate pushes and in one batch; HQ refuses
 * each naming the person and the other case, and lets the 特困 case in once the 低保 one
 * was terminated earlier in the same batch. The honest desk refuses the same at its own
 * write path, and HQ refuses the county's own confirmation through its admin API.
 */
afterEach(stopHostileOffice);

const errorsOf = (result: OpResult | undefined) =>
  result?.status === 'rejected' ? result.reason.fieldErrors : result?.status;

const allUnable = Object.fromEntries(
  ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'].map((i) => [
    i,
    'unable',
  ]),
);

async function openEnrolmentWindow(office: Office) {
  const published = await adminPost(office.hq.url, '/rules', {
    key: 'roster.enrolment',
    value: 1,
    effectiveFrom: '2026-03-01',
    effectiveTo: null,
    note: '名册转入期',
    publishedBy: '县民政局',
  });
  expect(published.status).toBe(200);
}

describe.each(cases.filter((c) => c.mode === 'online'))(
  '特困 ↔ 低保 at approval, $storage.kind',
  ({ storage, mode }) => {
    it('refuses the second programme in force for a person, either way, in a batch too', async () => {
      const office = await setUp(storage);
      await openEnrolmentWindow(office);
      const forge = new Forge(office, mode);
      await forge.start();
      const { supervisor } = forgerActors;
      const enrol = (id: string, version: number) =>
        forge.step(
          id,
          version,
          { action: 'enrol_from_roster', from: 'draft', to: 'active' },
          supervisor,
          { fields: { status: 'active', paymentFrom: '2026-04', decidedOn: '2026-03-20' } },
        );
      const draft = await hqCase(office, office.draftId);
      const dibao = draft.data as unknown as AssistanceCaseData;
      const head = dibao.applicantPersonId;

      // 1. The household's 低保 case enters force.
      const enrolled = await forge.send(enrol(office.draftId, draft.version));
      expect(enrolled.map((r) => r.status)).toEqual(['applied', 'applied']);

      // 2. A 特困 application of the head (elderly, all six items failed, cared for at home).
      const reference = await office.hq.hq.db
        .transaction()
        .execute((trx) => loadReferenceFacts(trx));
      const tekun: AssistanceCaseData = {
        ...dibao,
        programme: 'tekun',
        coveredPersonIds: [head],
        programmeFacts: {
          basis: 'elderly',
          noWorkCapacity: true,
          noIncomeSource: true,
          supporter: { status: 'none', note: '' },
          selfCare: { assessedOn: '2026-03-02', items: allUnable, level: 'fully' },
          support: {
            form: 'home',
            carerName: '李桂兰',
            carerPhone: '13912345678',
            agreementDate: '2026-03-01',
          },
        },
      };
      tekun.benefit = tekunModule.calculate(tekun, tekun.applicationDate, {
        standards: reference.standards,
        rules: reference.rules,
        settings: defaultOfficeSettings,
      });
      const tekunId = newRecordId();
      const created = forge.op({ op: 'create', recordId: tekunId, baseVersion: 0, fields: tekun });
      expect((await forge.send([created]))[0]?.status).toBe('applied');

      // 3. Its approval while the head is in force in 低保: refused, naming both.
      const refused = await forge.send(enrol(tekunId, 1));
      expect(errorsOf(refused[0])).toEqual([
        {
          path: 'coveredPersonIds',
          code: 'case.excluded_programme',
          params: {
            name: dibao.applicantName,
            applicant: dibao.applicantName,
            programme: 'dibao',
            caseId: office.draftId,
          },
        },
      ]);
      expect((await hqCase(office, tekunId)).data.status).toBe('draft');

      // 4. One batch: the 低保 case terminated, then the 特困 case enrolled — the batch's
      //    own termination frees the head, so both stand.
      const active = await hqCase(office, office.draftId);
      const terminate = forge.step(
        office.draftId,
        active.version,
        { action: 'terminate', from: 'active', to: 'terminated' },
        supervisor,
        { opinion: '转为特困供养' },
      );
      (terminate[1] as QueueEntry).fields.reason = 'other';
      const moved = await forge.send([...terminate, ...enrol(tekunId, 1)]);
      expect(moved.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      expect((await hqCase(office, tekunId)).data.status).toBe('active');

      // 5. The other way: a new 低保 case of the household, created and enrolled in one
      //    batch while the head is in force in 特困 — the creation stands, the approval not.
      const againId = newRecordId();
      const again = forge.op({ op: 'create', recordId: againId, baseVersion: 0, fields: dibao });
      const reverse = await forge.send([again, ...enrol(againId, 1)]);
      expect(reverse[0]?.status).toBe('applied');
      expect(errorsOf(reverse[1])).toEqual([
        {
          path: 'coveredPersonIds',
          code: 'case.excluded_programme',
          params: {
            name: dibao.applicantName,
            applicant: dibao.applicantName,
            programme: 'tekun',
            caseId: tekunId,
          },
        },
      ]);
      expect((await hqCase(office, againId)).data.status).toBe('draft');

      // 6. The honest desk, holding what HQ holds, refuses the same approval itself.
      const { honest } = office;
      expect((await sync(honest)).rejected).toBe(0);
      const copy = await honest.db.cases.get(againId);
      await expect(
        transitionCase(honest.db, honest.as('supervisor'), againId, copy?.version ?? 0, {
          action: 'enrol_from_roster',
          enrolment: { paymentFrom: '2026-04', decidedOn: null },
        }),
      ).rejects.toMatchObject({
        fieldErrors: [
          {
            path: 'coveredPersonIds',
            code: 'case.excluded_programme',
            params: { name: dibao.applicantName, programme: 'tekun', caseId: tekunId },
          },
        ],
      });
      expect((await honest.db.cases.get(againId))?.status).toBe('draft');

      // 7. Nor does the county's own decision through HQ's admin API grant it.
      for (const action of [
        'submit',
        'accept',
        'start_investigation',
        'record_opinion',
        'start_notice',
      ] as const) {
        await step(honest, againId, action);
      }
      honest.advanceDays(30);
      await step(honest, againId, 'submit_to_county');
      expect((await sync(honest)).rejected).toBe(0);
      const decided = await adminPost(office.hq.url, `/cases/${againId}/decision`, {
        action: 'confirm',
        opinion: '符合条件，予以确认',
        decidedBy: '县民政局',
      });
      expect(decided.status).toBe(400);
      expect(JSON.stringify(decided.body)).toContain('case.excluded_programme');
      expect((await hqCase(office, againId)).data.status).toBe('county_review');
    });
  },
);
