import { describe, expect, it } from 'vitest';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  correctionIssues,
  draftFromHousehold,
  makeHead,
  rowPaths,
  toHouseholdCorrection,
} from '../../../renderer/src/screens/registry/householdCorrectionForm';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';

describe('the household correction form', () => {
  it('makes a new head and asks the old head’s relation before saving', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const draft = makeHead(
      { ...draftFromHousehold(h), reason: '户主变更' },
      h.members[1]?.person.id ?? '',
    );
    expect(draft.rows.map((r) => r.kind === 'existing' && r.relation)).toEqual([
      '',
      'self',
      'child',
    ]);
    expect(correctionIssues(draft, '2026-03-02')).toEqual([
      { path: 'members.0.relation', code: 'field.required' },
    ]);
  });

  it('names rows, not members, when a member before them leaves', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const draft = draftFromHousehold(h);
    const rows = draft.rows.map((r, i) =>
      i === 1 && r.kind === 'existing' ? { ...r, leaving: true } : r,
    );
    const { input, rowOfMember } = toHouseholdCorrection({ ...draft, rows });
    expect(input.members).toHaveLength(2);
    expect(rowPaths([{ path: 'members.1.person', code: 'x' }], rowOfMember)).toEqual([
      { path: 'members.2.person', code: 'x' },
    ]);
    expect(correctionIssues({ ...draft, rows, reason: ' ' }, '2026-03-02')).toEqual([
      { path: 'reason', code: 'record.correction_reason_required' },
    ]);
  });
});
