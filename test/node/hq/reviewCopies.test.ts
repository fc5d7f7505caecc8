import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { nameSearchTokens } from '@shared/search/searchTokens';
import { hqStorages } from '../../support/hqHarness';
import {
  Forge,
  forgerActors,
  hqCase,
  reasonOf,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * The case's copy of its applicant's name, attacked straight at the real HQ: renamed
 * past 公示 to anything but the applicant's current name at HQ (a name the batch's own
 * refused correction gave, another case's applicant), with other fields smuggled along,
 * with the applicant swapped in the same op — and a draft's applicant made someone the
 * registry does not know by that name.
 */

afterEach(stopHostileOffice);

async function personAtHq(office: Office, id: string) {
  const row = await office.hq.hq.db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('office_id', '=', 'office-a')
    .where('kind', '=', 'person')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), data: JSON.parse(row.data) as Record<string, unknown> };
}

describe.each(hqStorages)('the applicant-name copy at HQ over $kind', (storage) => {
  it("refuses every name but the applicant's own at HQ, and anything along with it", async () => {
    const office = await setUp(storage);
    const notice = await hqCase(office, office.noticeId);
    const other = await hqCase(office, office.investigatingId);
    const applicantId = String(notice.data.applicantPersonId);
    const applicant = await personAtHq(office, applicantId);
    const current = String(applicant.data.name);
    const covered = notice.data.coveredPersonIds as string[];
    const member = await personAtHq(office, covered.find((id) => id !== applicantId) ?? '');
    expect(member.data.name).not.toBe(current);
    const forge = new Forge(office, 'online');
    await forge.start();
    const rename = (fields: Record<string, unknown>, reason = '人员信息更正：姓名') =>
      forge.op({ recordId: office.noticeId, baseVersion: notice.version, fields, reason });
    const results = await forge.send([
      // The registry's correction without its reason is refused…
      forge.op({
        kind: 'person',
        recordId: applicantId,
        baseVersion: applicant.version,
        fields: { name: '未更正名' },
        reason: '  ',
      }),
      // …so the copy may not follow it: HQ's registry still says the old name.
      rename({ applicantName: '未更正名' }),
      // Another person of the registry, by name (a member of the same household).
      rename({ applicantName: member.data.name }),
      // The right name with the benefit, or with the applicant swapped.
      rename({
        applicantName: current,
        benefit: { ...(notice.data.benefit as object), benefitFen: 1 },
      }),
      rename({
        applicantName: String(other.data.applicantName),
        applicantPersonId: other.data.applicantPersonId,
      }),
      // The right name without a reason.
      rename({ applicantName: current }, ''),
    ]);
    expect(results.map(reasonOf)).toEqual([
      'record.correction_reason_required',
      'case.not_editable',
      'case.not_editable',
      'case.not_editable',
      'case.not_editable',
      'record.correction_reason_required',
    ]);
    expect((await hqCase(office, office.noticeId)).data).toEqual(notice.data);

    // The right name with junk search tokens: applied, the tokens HQ's own.
    const [refreshed] = await forge.send([
      rename({ applicantName: current, searchTokens: ['张三', '李四', 'x'.repeat(300)] }),
    ]);
    expect(reasonOf(refreshed)).toBe('applied');
    const after = await hqCase(office, office.noticeId);
    expect(after.data.searchTokens).toEqual(nameSearchTokens(current));
    expect({ ...after.data, searchTokens: null }).toEqual({ ...notice.data, searchTokens: null });
  });

  it("keeps a draft's applicant name the registry's name of that person", async () => {
    const office = await setUp(storage);
    const draft = await hqCase(office, office.draftId);
    const forge = new Forge(office, 'online');
    await forge.start();
    const [renamed] = await forge.send([
      forge.op({
        recordId: office.draftId,
        baseVersion: draft.version,
        fields: { applicantName: '冒名顶替' },
        reason: '更正姓名',
      }),
    ]);
    expect(reasonOf(renamed)).toBe('case.applicant_name_not_registry');
    // A new case in a name the registry does not give its applicant, or for no one.
    const copy = (over: Record<string, unknown>) =>
      forge.op({
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { ...draft.data, ...over },
      });
    const created = await forge.send([
      copy({ applicantName: '冒名顶替' }),
      copy({
        applicantPersonId: 'nobody',
        coveredPersonIds: [...(draft.data.coveredPersonIds as string[]), 'nobody'],
      }),
    ]);
    expect(created.map(reasonOf)).toEqual([
      'case.applicant_name_not_registry',
      'case.applicant_unknown',
    ]);
    // A desk that had not yet seen the applicant's correction copies the name it knew:
    // a name the registry gave the person, taken; any other still refused. (One open
    // case per person: each taken copy follows the withdrawal of the one before.)
    const withdraw = async (id: string) => {
      const open = await hqCase(office, id);
      const step = { action: 'withdraw', from: 'draft', to: 'withdrawn' };
      return forge.step(id, open.version, step, forgerActors.registrar, { opinion: '申请人撤回' });
    };
    const applicant = await personAtHq(office, String(draft.data.applicantPersonId));
    // (Ops are numbered as they are made and applied in that order.)
    const rename = forge.op({
      kind: 'person',
      recordId: String(draft.data.applicantPersonId),
      baseVersion: applicant.version,
      fields: { name: '更正后' },
      reason: '姓名更正',
    });
    const withdrawn = await withdraw(office.draftId);
    const oldName = copy({});
    const late = await forge.send([rename, ...withdrawn, oldName]);
    expect(late.map(reasonOf)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const later = await forge.send([
      ...(await withdraw(oldName.recordId)),
      copy({ applicantName: '更正后' }),
      copy({ applicantName: '冒名顶替' }),
    ]);
    expect(later.map(reasonOf)).toEqual([
      'applied',
      'applied',
      'applied',
      'case.applicant_name_not_registry',
    ]);
    expect((await hqCase(office, office.draftId)).data.applicantName).toBe(
      draft.data.applicantName,
    );
  });
});

describe.each(hqStorages)("the household's head-name copy at HQ over $kind", (storage) => {
  it("keeps a household's head name the registry's name of its head", async () => {
    const office = await setUp(storage);
    const household = await office.honest.db.households.toCollection().first();
    if (!household) throw new Error('the office has households');
    const forge = new Forge(office, 'online');
    await forge.start();
    const head = await personAtHq(office, household.headPersonId);
    const [renamed, same] = await forge.send([
      forge.op({
        kind: 'household',
        recordId: household.id,
        baseVersion: 1,
        fields: { headName: '冒名顶替' },
        reason: '更正户主姓名',
      }),
      forge.op({
        kind: 'household',
        recordId: household.id,
        baseVersion: 1,
        fields: { headName: head.data.name, address: '新地址' },
        reason: '更正地址',
      }),
    ]);
    expect([renamed, same].map(reasonOf)).toEqual(['household.head_name_not_registry', 'applied']);
  });
});

describe.each(hqStorages)("a case's covered persons at HQ over $kind", (storage) => {
  it('refuses covering anyone but live members of the household, benefit right or not', async () => {
    const office = await setUp(storage);
    const draft = await hqCase(office, office.draftId);
    const investigating = await hqCase(office, office.investigatingId);
    const forge = new Forge(office, 'online');
    await forge.start();
    const covered = draft.data.coveredPersonIds as string[];
    const stranger = String(investigating.data.applicantPersonId);
    const cover = async (ids: string[]) => {
      // The attacker takes HQ's own figures from a first refusal, so the benefit is right.
      const send = (benefit: unknown) =>
        forge.send([
          forge.op({
            recordId: office.draftId,
            baseVersion: draft.version,
            fields: { coveredPersonIds: ids, benefit },
            reason: '增加保障对象',
          }),
        ]);
      const [first] = await send(draft.data.benefit);
      if (
        first?.status !== 'rejected' ||
        first.reason.fieldErrors?.[0]?.code !== 'benefit.mismatch'
      )
        return first;
      const computed = Object.fromEntries(
        (first.reason.fieldErrors ?? []).map((e) => [
          e.path.replace('benefit.', ''),
          e.params?.computed,
        ]),
      );
      const [second] = await send({ ...(draft.data.benefit as object), ...computed });
      return second;
    };
    expect(reasonOf(await cover([...covered, 'ghost-1', 'ghost-2']))).toBe(
      'case.covered_not_member',
    );
    expect(reasonOf(await cover([...covered, stranger]))).toBe('case.covered_not_member');
    expect((await hqCase(office, office.draftId)).data.coveredPersonIds).toEqual(covered);
  });
});
