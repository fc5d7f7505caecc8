import { describe, expect, it } from 'vitest';
import { programmeCaseIssues } from '@shared/programmes/caseChecks';
import { programmeRuleBook } from '@shared/programmes/registry';
import { basicLivingFen } from '@shared/programmes/tekun/calculate';
import { selfCareLevelIssues } from '@shared/programmes/tekun/checks';
import { careLevelFor } from '@shared/programmes/tekun/selfCare';
import { tekunModule } from '@shared/programmes/tekun/module';
import { reference, rule, standard, tekunCase } from './tekunKit';

/**
 * Hand-worked figures of 特困: the care level from the six items by the configured rule,
 * the basic living standard as 1.3 × the 低保 standard rounded up to the fen, the care
 * standard by level, and a standard changed mid-year. Samples: care 0 / 300.00 / 800.00.
 */
const samples = programmeRuleBook([]);
const all = ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'];

describe('self-care level from the six items (sample rule: 1 → 部分丧失, 4 → 完全丧失)', () => {
  it.each([
    [[], 'able'],
    [['bathing'], 'partly'],
    [['bathing', 'dressing', 'indoorWalking'], 'partly'],
    [['bathing', 'dressing', 'indoorWalking', 'toileting'], 'fully'],
    [all, 'fully'],
  ])('%j failed gives %s', (unable, level) => {
    const data = tekunCase(unable);
    expect(careLevelFor(unable.length, samples, '2026-03-02')).toBe(level);
    // The level stored must be the one the items give.
    const stored = { ...(data.programmeFacts.selfCare as object), level };
    expect(
      selfCareLevelIssues(
        { ...data, programmeFacts: { ...data.programmeFacts, selfCare: stored } },
        samples,
      ),
    ).toEqual([]);
  });

  it('reads the threshold in force on the assessment date (fully from 3 as of 2026-07-01)', () => {
    const rules = programmeRuleBook([rule('tekun.selfCare.fullyFrom', 3, '2026-07-01')]);
    expect(careLevelFor(3, rules, '2026-06-30')).toBe('partly');
    expect(careLevelFor(3, rules, '2026-07-01')).toBe('fully');
    const three = ['eating', 'dressing', 'bathing'];
    const ref = reference(
      [standard('s1', 63_200, '2026-01-01')],
      [rule('tekun.selfCare.fullyFrom', 3, '2026-07-01')],
    );
    // Assessed in June: partly (300.00); assessed in July: fully (800.00).
    const june = tekunCase(three, {}, {});
    const july = tekunCase(three, { applicationDate: '2026-07-02' }, {});
    (july.programmeFacts.selfCare as { assessedOn: string }).assessedOn = '2026-07-02';
    expect(tekunModule.calculate(june, '2026-08-01', ref).parts).toEqual([
      { code: 'basic', fen: 82_160 },
      { code: 'care', fen: 30_000 },
    ]);
    expect(tekunModule.calculate(july, '2026-08-01', ref).parts[1]).toEqual({
      code: 'care',
      fen: 80_000,
    });
  });

  it('refuses a stored level the items do not give, naming both and the rule', () => {
    const data = tekunCase(['bathing']); // stored 'able', 1 failed gives 'partly'
    expect(selfCareLevelIssues(data, samples)).toEqual([
      {
        path: 'programmeFacts.selfCare.level',
        code: 'tekun.care_level_mismatch',
        params: { sent: 'able', computed: 'partly', failed: 1, rule: 'tekun.selfCare' },
      },
    ]);
  });
});

describe('the amount: basic living + care', () => {
  it('1.3 × 632.00 = 821.60 basic, plus care by level', () => {
    expect(basicLivingFen(63_200, 1300)).toBe(82_160);
    const ref = reference([standard('s1', 63_200, '2026-01-01')]);
    const fully = tekunCase(['eating', 'dressing', 'bedTransfer', 'toileting']);
    expect(tekunModule.calculate(fully, '2026-03-02', ref)).toEqual({
      standardId: 's1',
      standardFen: 63_200,
      coveredCount: 1,
      countedIncomeFen: 0,
      benefitFen: 82_160 + 80_000, // 1,621.60
      classification: 'tekun',
      computedForDate: '2026-03-02',
      parts: [
        { code: 'basic', fen: 82_160 },
        { code: 'care', fen: 80_000 },
      ],
    });
    expect(tekunModule.calculate(tekunCase(), '2026-03-02', ref).benefitFen).toBe(82_160);
  });

  it('rounds a part of a fen up: 1.3 × 632.01 = 821.613 → 821.62', () => {
    expect(basicLivingFen(63_201, 1300)).toBe(82_162);
    expect(basicLivingFen(63_210, 1300)).toBe(82_173); // exactly 821.73: no rounding
    const ref = reference([standard('s1', 63_201, '2026-01-01')]);
    expect(tekunModule.calculate(tekunCase(), '2026-03-02', ref).parts[0]?.fen).toBe(82_162);
  });

  it('follows a standard changed mid-year, and a county ratio of 1.5 ×', () => {
    const ref = reference([
      standard('s1', 63_200, '2026-01-01', '2026-06-30'),
      standard('s2', 68_000, '2026-07-01'),
    ]);
    const data = tekunCase(['bathing']);
    expect(tekunModule.calculate(data, '2026-06-01', ref).benefitFen).toBe(82_160 + 30_000);
    // 1.3 × 680.00 = 884.00
    expect(tekunModule.calculate(data, '2026-07-01', ref)).toMatchObject({
      standardId: 's2',
      benefitFen: 88_400 + 30_000,
    });
    const ratio = reference(
      [standard('s1', 63_200, '2026-01-01')],
      [rule('tekun.basicPermilleOfDibao', 1500, '2026-01-01')],
    );
    expect(tekunModule.calculate(data, '2026-03-02', ratio).parts[0]?.fen).toBe(94_800);
  });

  it('says no_standard when no 低保 standard is in force', () => {
    const ref = reference([standard('s1', 63_200, '2027-01-01')]);
    expect(tekunModule.calculate(tekunCase(), '2026-03-02', ref)).toMatchObject({
      classification: 'no_standard',
      benefitFen: 0,
      parts: [],
    });
  });
});

describe('the case checks', () => {
  it('accepts a complete case and covers the applicant alone', () => {
    expect(programmeCaseIssues(tekunCase(), '2026-03-02')).toEqual([]);
    expect(
      programmeCaseIssues(tekunCase([], { coveredPersonIds: ['p1', 'p2'] }), '2026-03-02'),
    ).toContainEqual({ path: 'coveredPersonIds', code: 'tekun.applicant_only' });
  });

  it('refuses work capacity, an income source and an unexplained unable supporter', () => {
    const data = tekunCase(
      [],
      {},
      {
        noWorkCapacity: false,
        noIncomeSource: false,
        supporter: { status: 'unable', note: '' },
      },
    );
    expect(programmeCaseIssues(data, '2026-03-02').map((i) => i.code)).toEqual([
      'tekun.work_capacity',
      'tekun.income_source',
      'tekun.supporter_note_required',
    ]);
  });

  it('names a missing item of the six, and an incomplete support form', () => {
    const data = tekunCase();
    const selfCare = data.programmeFacts.selfCare as { items: Record<string, string> };
    delete selfCare.items.toileting;
    expect(programmeCaseIssues(data, '2026-03-02')).toContainEqual(
      expect.objectContaining({ path: 'programmeFacts.selfCare.items.toileting' }),
    );
    const home = tekunCase(
      [],
      {},
      {
        support: { form: 'home', carerName: '', carerPhone: '12345', agreementDate: '2026-03-01' },
      },
    );
    const paths = programmeCaseIssues(home, '2026-03-02').map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'programmeFacts.support.carerName',
        'programmeFacts.support.carerPhone',
      ]),
    );
    const institution = tekunCase([], {}, { support: { form: 'institution', residentId: '' } });
    expect(programmeCaseIssues(institution, '2026-03-02').map((i) => i.path)).toContain(
      'programmeFacts.support.residentId',
    );
  });
});
