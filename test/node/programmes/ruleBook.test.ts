import { describe, expect, it } from 'vitest';
import { addMonths, addMonthsToDate, lastDayOfMonth } from '@shared/calendar/dates';
import { allRuleSpecs, programmeRuleBook, ruleRecordIssues } from '@shared/programmes/registry';
import { ruleInForce, type ProgrammeRuleData } from '@shared/programmes/ruleBook';

const rule = (over: Partial<ProgrammeRuleData>): ProgrammeRuleData => ({
  key: 'dibao.reviewMonths',
  areaCode: null,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  value: 12,
  source: 'hq',
  note: '',
  ...over,
});

describe('programme rules with effective dates', () => {
  it('picks the value in force: an area’s own over the county’s, then the latest start, then HQ over local over sample', () => {
    const rules = [
      rule({ value: 12 }),
      rule({ value: 6, effectiveFrom: '2026-07-01' }),
      rule({
        value: 9,
        areaCode: '330102',
        effectiveFrom: '2026-03-01',
        effectiveTo: '2026-09-30',
      }),
      rule({ value: 3, effectiveFrom: '2026-07-01', source: 'local' }),
    ];
    const at = (date: string, area: string | null = null) =>
      ruleInForce(rules, 'dibao.reviewMonths', date, area)?.value;
    expect(at('2025-12-31')).toBeUndefined();
    expect(at('2026-06-30')).toBe(12);
    // Same start date: HQ's 6 beats the local 3.
    expect(at('2026-07-01')).toBe(6);
    // The area's own value wins while it runs (to its last day), then the county's again.
    expect(at('2026-07-01', '330102')).toBe(9);
    expect(at('2026-09-30', '330102')).toBe(9);
    expect(at('2026-10-01', '330102')).toBe(6);
    // Another area reads the county's.
    expect(at('2026-08-01', '330103')).toBe(6);
  });

  it('reads a declared key’s sample until the county publishes, and refuses a key no programme reads', () => {
    const book = programmeRuleBook([]);
    expect(book.value('dibao.reviewMonths', '2026-05-01')).toBe(
      allRuleSpecs['dibao.reviewMonths']?.sample,
    );
    expect(book.find('dibao.reviewMonths', '2026-05-01')).toBeUndefined();
    expect(() => book.value('dibao.noSuch', '2026-05-01')).toThrow(
      expect.objectContaining({
        fieldErrors: [
          {
            path: 'rules',
            code: 'rule.missing',
            params: { key: 'dibao.noSuch', date: '2026-05-01' },
          },
        ],
      }),
    );
    const published = programmeRuleBook([rule({ value: 6 })]);
    expect(published.value('dibao.reviewMonths', '2026-05-01')).toBe(6);
  });

  it('refuses a record whose key no programme reads or whose value is outside the key’s bounds', () => {
    expect(ruleRecordIssues({ key: 'dibao.reviewMonths', value: 6 })).toEqual([]);
    expect(ruleRecordIssues({ key: 'dibao.reviewMonths', value: 0 })).toMatchObject([
      { path: 'value', code: 'rule.out_of_range', params: { min: 1, max: 36 } },
    ]);
    expect(ruleRecordIssues({ key: 'dibao.nope', value: 1 })).toMatchObject([
      { path: 'key', code: 'rule.unknown' },
    ]);
  });

  it('counts months the way reviews and payments do', () => {
    expect(addMonths('2026-11-15', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-03-15', 12)).toBe('2027-03-15');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
  });
});
