import { describe, expect, it } from 'vitest';
import { programmeRuleBook } from '@shared/programmes/registry';
import { previousHelpInWindow, repeatHelpIssues } from '@shared/programmes/temporary/repeatHelp';
import { fireFacts, temporaryCase } from './temporaryFixtures';

const rules = programmeRuleBook([]);

/** The household was helped first on 2026-03-02; sample window 90 days → through 05-31. */
const earlier = temporaryCase({
  id: 'case-earlier',
  status: 'paid',
  helpedFirstOn: '2026-03-02',
  decidedOn: '2026-03-06',
});
const second = (applicationDate: string, repeatReason = '') =>
  temporaryCase({
    id: 'case-second',
    applicationDate,
    programmeFacts: fireFacts({ eventDate: applicationDate, repeatReason }),
  });

describe('临时救助 repeated help within the window', () => {
  it('counts 03-02 + 90 days = 05-31 inside and 06-01 outside', () => {
    expect(repeatHelpIssues(second('2026-05-31'), [earlier], rules)).toEqual([
      {
        path: 'programmeFacts.repeatReason',
        code: 'temporary.repeat_needs_reason',
        params: {
          helpedOn: '2026-03-02',
          windowEnd: '2026-05-31',
          previousCaseId: 'case-earlier',
        },
      },
    ]);
    expect(repeatHelpIssues(second('2026-06-01'), [earlier], rules)).toEqual([]);
  });

  it('accepts a second help inside the window with its reason', () => {
    expect(repeatHelpIssues(second('2026-04-01', '再次遭受水灾'), [earlier], rules)).toEqual([]);
    expect(repeatHelpIssues(second('2026-04-01', '   '), [earlier], rules)).toHaveLength(1);
  });

  it('dates an approved help by its decision, and ignores cases never helped', () => {
    const approved = {
      ...earlier,
      helpedFirstOn: null,
      status: 'approved',
      decidedOn: '2026-03-10',
    };
    expect(previousHelpInWindow(second('2026-06-08'), [approved], rules)?.windowEnd).toBe(
      '2026-06-08',
    );
    expect(previousHelpInWindow(second('2026-06-09'), [approved], rules)).toBeNull();
    for (const status of ['denied', 'withdrawn', 'county_review']) {
      const never = { ...approved, status };
      expect(repeatHelpIssues(second('2026-04-01'), [never], rules)).toEqual([]);
    }
    // Help handed over first counts even when the paperwork later ends in a refusal.
    const deniedAfterHelp = { ...earlier, status: 'denied' };
    expect(repeatHelpIssues(second('2026-04-01'), [deniedAfterHelp], rules)).toHaveLength(1);
  });

  it('asks the second help only: the first never needs a reason for what came after', () => {
    const first = { ...earlier, programmeFacts: fireFacts() };
    const secondHelped = {
      ...second('2026-03-20'),
      status: 'approved',
      decidedOn: '2026-03-25',
    };
    // The earlier case, written again (its pay step), is not the repeat.
    expect(repeatHelpIssues(first, [secondHelped], rules)).toEqual([]);
    expect(repeatHelpIssues(secondHelped, [first], rules)).toHaveLength(1);
    // Paying it later is not judged again (its approval was).
    expect(repeatHelpIssues({ ...secondHelped, status: 'paid' }, [first], rules)).toEqual([]);
  });

  it('looks only at the same household, other cases, and the published window', () => {
    const elsewhere = { ...earlier, householdId: 'h2' };
    expect(repeatHelpIssues(second('2026-04-01'), [elsewhere], rules)).toEqual([]);
    const itself = { ...second('2026-04-01'), helpedFirstOn: '2026-04-01' };
    expect(repeatHelpIssues(itself, [itself], rules)).toEqual([]);
    const shorter = programmeRuleBook([
      {
        key: 'temporary.repeatWindowDays',
        areaCode: null,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        value: 30,
        source: 'hq',
      },
    ]);
    expect(repeatHelpIssues(second('2026-04-01'), [earlier], shorter)).toHaveLength(1);
    expect(repeatHelpIssues(second('2026-04-02'), [earlier], shorter)).toEqual([]);
  });
});
