import { describe, expect, it } from 'vitest';
import { programmeRuleBook } from '@shared/programmes/registry';
import { tekunFactsSchema } from '@shared/programmes/tekun/facts';
import {
  adoptTekunDraft,
  emptyTekunDraft,
  liveLevel,
  tekunDraftIssues,
  tekunDraftOf,
  tekunFactsOf,
} from '../../../renderer/src/screens/cases/programmes/tekun/tekunDraft';
import { rule } from './tekunKit';

/** The 特困 form's values: what it refuses before saving and the facts it saves. */
describe('the 特困 form draft', () => {
  const today = '2026-03-02';

  it('asks for the three conditions and the carer before saving, on the facts paths', () => {
    const issues = tekunDraftIssues({ ...emptyTekunDraft(today), carerPhone: '12345' }, today);
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'programmeFacts.noWorkCapacity:tekun.work_capacity',
      'programmeFacts.noIncomeSource:tekun.income_source',
      'programmeFacts.support.carerName:field.required',
      'programmeFacts.support.carerPhone:field.phone',
      'programmeFacts.support.agreementDate:field.date',
    ]);
  });

  it('saves the level the items give on the assessment date, and reads it back', () => {
    const draft = {
      ...emptyTekunDraft(today),
      noWorkCapacity: true,
      noIncomeSource: true,
      items: {
        ...emptyTekunDraft(today).items,
        eating: 'unable',
        bathing: 'unable',
        dressing: 'unable',
      },
      supportForm: 'institution',
      residentId: 'r1',
    } as const;
    expect(tekunDraftIssues(draft, today)).toEqual([]);
    const samples = programmeRuleBook([]);
    const facts = tekunFactsOf({ ...draft, level: liveLevel(draft, samples, '330102') });
    expect(facts.selfCare.level).toBe('partly');
    expect(tekunFactsSchema.parse(facts)).toEqual(facts);
    expect(tekunDraftOf(facts, today)).toMatchObject({
      supportForm: 'institution',
      residentId: 'r1',
      items: draft.items,
    });
    const stricter = programmeRuleBook([rule('tekun.selfCare.fullyFrom', 3, '2026-01-01')]);
    expect(liveLevel(draft, stricter, '330102')).toBe('fully');
    // A stored draft (the form's own shape) reads back as it was.
    expect(adoptTekunDraft(JSON.parse(JSON.stringify(draft)), today)).toEqual({
      ...draft,
      level: 'able',
    });
  });
});
