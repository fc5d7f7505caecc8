import { describe, expect, it } from 'vitest';
import {
  adoptHouseholdDraft,
  emptyHousehold,
  emptyMember,
  localIssues,
  memberHukou,
  toRegistration,
  type HouseholdDraft,
} from '../../../renderer/src/screens/registry/householdForm';

/** The 户籍类型 each member row would be saved with. */
const savedHukou = (draft: HouseholdDraft) =>
  toRegistration(draft).members.map((m) => ('person' in m ? m.person.hukouType : null));

function twoMembers(): HouseholdDraft {
  return {
    ...emptyHousehold('330102'),
    hukouType: 'rural',
    members: [emptyMember('self'), emptyMember('child')],
  };
}

describe('户籍类型 per member', () => {
  it("follows the household's until chosen", () => {
    const draft = twoMembers();
    expect(draft.members.map((m) => memberHukou(m, draft.hukouType))).toEqual(['rural', 'rural']);
    const urban = { ...draft, hukouType: 'urban' as const };
    expect(urban.members.map((m) => memberHukou(m, urban.hukouType))).toEqual(['urban', 'urban']);
  });

  it("saves each member's own choice as the person's hukouType", () => {
    const draft = twoMembers();
    const [head, child] = draft.members;
    if (!head || !child) throw new Error('two members expected');
    draft.members = [head, { ...child, hukouType: 'urban' }];
    expect(toRegistration(draft).hukouType).toBe('rural');
    expect(savedHukou(draft)).toEqual(['rural', 'urban']);
  });

  it('opens a draft saved before the field existed, following the household', () => {
    const old = JSON.parse(JSON.stringify(twoMembers())) as Record<string, unknown>;
    for (const m of old.members as Record<string, unknown>[]) delete m.hukouType;
    const adopted = adoptHouseholdDraft({ ...old, hukouType: 'urban' }, '330102');
    expect(adopted?.members.map((m) => m.hukouType)).toEqual(['', '']);
    expect(adopted && savedHukou(adopted)).toEqual(['urban', 'urban']);
    const bad = adoptHouseholdDraft({ ...old, members: [{ hukouType: 'city' }] }, '330102');
    expect(bad?.members[0]?.hukouType).toBe('');
  });
});

describe('the area code before saving', () => {
  const areaIssues = (areaCode: string) =>
    localIssues({ ...twoMembers(), areaCode }, '2026-12-04').filter((i) => i.path === 'areaCode');

  it('applies the shared GB/T 2260 rule, not just six digits', () => {
    expect(areaIssues('330102')).toEqual([]);
    expect(areaIssues('')).toEqual([{ path: 'areaCode', code: 'field.required' }]);
    expect(areaIssues('33O102')).toEqual([{ path: 'areaCode', code: 'field.area_code' }]);
    expect(areaIssues('990102')).toEqual([{ path: 'areaCode', code: 'code.area_province' }]);
    expect(areaIssues('330002')).toEqual([{ path: 'areaCode', code: 'code.area_prefecture' }]);
  });
});
