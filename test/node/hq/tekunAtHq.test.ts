import { afterEach, describe, expect, it } from 'vitest';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { newRecordId } from '@shared/records/ids';
import { tekunModule } from '@shared/programmes/tekun/module';
import type { OpResult } from '@shared/sync/protocol';
import { loadReferenceFacts } from '../../../hq/src/sync/authority/officeFacts';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { registerResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { registerFamily } from '../../support/officeWork';
import { sync } from '../../support/syncDesks';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  officeState,
  reasonOf,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * A hostile desk pushes hand-made 特困 cases to a real HQ, online and in a signed package.
 * HQ recomputes the amount with the 特困 module under the county's standard and rules,
 * reads the applicant's eligibility from its own registry and the 集中供养 resident's stay
 * from its own elderly-care movements, and replays the steps through the 特困 workflow:
 * each forgery is refused naming the field and the rule, and nothing of it reaches HQ's
 * records or the office's other desk.
 */
afterEach(stopHostileOffice);

const refusal = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

const items = (unable: number) =>
  Object.fromEntries(
    ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'].map((i, n) => [
      i,
      n < unable ? 'unable' : 'able',
    ]),
  );

/** An elderly applicant of a new household, staying (admitted 2026-03-01) in a home. */
async function elderlyInAHome(office: Office) {
  const desk = office.honest;
  const family = await registerFamily(desk);
  const { beds } = await smallHome(desk.db, desk.ctx);
  const resident = await registerResident(desk.db, desk.ctx, {
    person: { existingPersonId: family.household.headPersonId },
    fundingCategory: 'tekun',
    emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
  });
  await recordMovement(desk.db, desk.ctx, {
    residentId: resident.id,
    type: 'admit',
    bedId: beds.a.id,
    date: '2026-03-01',
  });
  // Another person's resident record, and one never admitted.
  const stranger = await newResident(desk.db, desk.ctx, '陌生人');
  const waiting = await registerResident(desk.db, desk.ctx, {
    person: { existingPersonId: family.members[1]?.person.id ?? '' },
    fundingCategory: 'tekun',
    emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
  });
  expect((await sync(desk)).rejected).toBe(0);
  return { family, residentId: resident.id, strangerId: stranger.id, waitingId: waiting.id };
}

describe.each(cases)('特困 at HQ over $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a wrong amount, a wrong care level, an ineligible person and a stranger resident', async () => {
    const office = await setUp(storage);
    const { family, residentId, strangerId, waitingId } = await elderlyInAHome(office);
    const forge = new Forge(office, mode);
    await forge.start();
    const reference = await office.hq.hq.db.transaction().execute((trx) => loadReferenceFacts(trx));
    const settings = { ...(await import('@shared/domain/settings')).defaultOfficeSettings };
    const head = family.household.headPersonId;
    const draft = (await hqCase(office, office.draftId)).data as unknown as AssistanceCaseData;

    /** A 特困 case as an honest desk would compute it, then the forgery's change. */
    const tekun = (facts: Record<string, unknown> = {}, over: Partial<AssistanceCaseData> = {}) => {
      const data: AssistanceCaseData = {
        ...draft,
        programme: 'tekun',
        householdId: family.household.id,
        applicantPersonId: head,
        applicantName: family.household.headName,
        coveredPersonIds: [head],
        income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
        programmeFacts: {
          basis: 'elderly',
          noWorkCapacity: true,
          noIncomeSource: true,
          supporter: { status: 'unable', note: '子女均在外地且无收入' },
          selfCare: { assessedOn: '2026-03-02', items: items(4), level: 'fully' },
          support: { form: 'institution', residentId },
          ...facts,
        },
        ...over,
      };
      const benefit = tekunModule.calculate(data, data.applicationDate, {
        standards: reference.standards,
        rules: reference.rules,
        settings,
      });
      return { ...data, benefit, ...over };
    };
    const create = (fields: AssistanceCaseData) =>
      forge.op({ op: 'create', recordId: newRecordId(), baseVersion: 0, fields });
    const before = await officeState(office);

    const honest = tekun();
    expect(honest.benefit.parts.map((p) => p.code)).toEqual(['basic', 'care']);
    const wrongAmount = create({
      ...honest,
      benefit: { ...honest.benefit, benefitFen: honest.benefit.benefitFen + 50_000 },
    });
    const sent = await forge.send([wrongAmount]);
    expect(refusal(sent[0])).toEqual(['benefit.benefitFen:benefit.mismatch']);

    // The right total split wrongly between basic living and care.
    const [basic, care] = honest.benefit.parts;
    const swapped = create({
      ...honest,
      benefit: {
        ...honest.benefit,
        parts: [
          { code: 'basic', fen: (basic?.fen ?? 0) + 10_000 },
          { code: 'care', fen: (care?.fen ?? 0) - 10_000 },
        ],
      },
    });
    expect(refusal((await forge.send([swapped]))[0])).toEqual(['benefit.parts:benefit.mismatch']);

    // Four items failed give 完全丧失: a case claiming 部分丧失 is refused, whatever amount.
    const wrongLevel = create(
      tekun({ selfCare: { assessedOn: '2026-03-02', items: items(4), level: 'partly' } }),
    );
    expect(refusal((await forge.send([wrongLevel]))[0])).toEqual([
      'programmeFacts.selfCare.level:tekun.care_level_mismatch',
    ]);

    // The registry's person (born in the 1940s) is no minor, and has no disability.
    for (const [basis, code] of [
      ['minor', 'tekun.not_minor'],
      ['disabled', 'tekun.not_severely_disabled'],
    ]) {
      const ineligible = create(tekun({ basis }));
      expect(refusal((await forge.send([ineligible]))[0])).toEqual([
        `programmeFacts.basis:${code}`,
      ]);
    }

    // 集中供养: another person's resident record; one not staying; an unknown one.
    for (const [id, code] of [
      [strangerId, 'tekun.resident_other_person'],
      [newRecordId(), 'tekun.resident_unknown'],
    ]) {
      const forged = create(tekun({ support: { form: 'institution', residentId: id } }));
      expect(refusal((await forge.send([forged]))[0])).toEqual([
        `programmeFacts.support.residentId:${code}`,
      ]);
    }
    const spouse = family.members[1]?.person;
    const notStaying = create(
      tekun(
        { support: { form: 'institution', residentId: waitingId } },
        {
          applicantPersonId: spouse?.id ?? '',
          applicantName: spouse?.name ?? '',
          coveredPersonIds: [spouse?.id ?? ''],
        },
      ),
    );
    expect(refusal((await forge.send([notStaying]))[0])).toEqual([
      'programmeFacts.support.residentId:tekun.resident_not_staying',
    ]);

    // The whole household covered, and a bad carer phone for 分散供养.
    const both = create(tekun({}, { coveredPersonIds: [head, spouse?.id ?? ''] }));
    expect(refusal((await forge.send([both]))[0])).toEqual([
      'coveredPersonIds:tekun.applicant_only',
    ]);
    const badPhone = create(
      tekun({
        support: {
          form: 'home',
          carerName: '李桂兰',
          carerPhone: '1391234567',
          agreementDate: '2026-03-01',
        },
      }),
    );
    expect(refusal((await forge.send([badPhone]))[0])).toEqual([
      'programmeFacts.support.carerPhone:field.phone',
    ]);

    const after = await officeState(office);
    expect(after.hq).toEqual(before.hq);
    expect(after.other).toEqual(before.other);

    // The honest computation is applied.
    const good = create(honest);
    expect((await forge.send([good]))[0]?.status).toBe('applied');
    expect((await hqCase(office, good.recordId)).data.benefit).toMatchObject({
      classification: 'tekun',
      benefitFen: honest.benefit.benefitFen,
    });
  });

  it('replays the 特困 steps: a registrar may not confirm, a supervisor walks it to 公示', async () => {
    const office = await setUp(storage);
    const { family, residentId } = await elderlyInAHome(office);
    const forge = new Forge(office, mode);
    await forge.start();
    const reference = await office.hq.hq.db.transaction().execute((trx) => loadReferenceFacts(trx));
    const draft = (await hqCase(office, office.draftId)).data as unknown as AssistanceCaseData;
    const head = family.household.headPersonId;
    const data: AssistanceCaseData = {
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
        selfCare: { assessedOn: '2026-03-02', items: items(1), level: 'partly' },
        support: { form: 'institution', residentId },
      },
    };
    const { defaultOfficeSettings } = await import('@shared/domain/settings');
    data.benefit = tekunModule.calculate(data, data.applicationDate, {
      standards: reference.standards,
      rules: reference.rules,
      settings: defaultOfficeSettings,
    });
    const created = forge.op({
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      fields: data,
    });
    expect((await forge.send([created]))[0]?.status).toBe('applied');
    const id = created.recordId;
    const { registrar, supervisor } = forgerActors;
    const walk: [string, string, string, typeof registrar][] = [
      ['submit', 'draft', 'submitted', registrar],
      ['accept', 'submitted', 'accepted', registrar],
      ['start_investigation', 'accepted', 'investigating', registrar],
      ['record_opinion', 'investigating', 'township_opinion', supervisor],
      ['start_notice', 'township_opinion', 'public_notice', supervisor],
    ];
    for (const [action, from, to, actor] of walk) {
      const { version } = await hqCase(office, id);
      const results = await forge.send(
        forge.step(id, version, { action, from, to }, actor, { opinion: '符合特困供养条件' }),
      );
      expect(
        results.map((r) => r.status),
        action,
      ).toEqual(['applied', 'applied']);
    }
    const { version } = await hqCase(office, id);
    const confirm = await forge.send(
      forge.step(
        id,
        version,
        { action: 'confirm_at_township', from: 'public_notice', to: 'confirmed' },
        registrar,
        { opinion: '同意' },
      ),
    );
    expect(confirm[0]?.status === 'rejected' && confirm[0].reason.code).toBe('forbidden');
    expect(refusal(confirm[0])).toEqual(['actor:workflow.role_may_not']);
    // Nor may a registrar report a change on a case not yet paid.
    const early = await forge.send(
      forge.step(
        id,
        version,
        { action: 'report_change', from: 'public_notice', to: 'reassessment' },
        registrar,
        { opinion: '跌倒' },
      ),
    );
    expect(reasonOf(early[0])).toBe('workflow.not_a_step');
    expect((await hqCase(office, id)).data.status).toBe('public_notice');
  });
});
