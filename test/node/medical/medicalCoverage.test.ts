import { describe, expect, it } from 'vitest';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import { categoriesInForce, categoryPriority } from '@shared/medical/categories';
import { deriveCoverage, type CoverageSpan } from '@shared/medical/derive';
import { coverageChanges, coverageTimeline, coveredOn } from '@shared/medical/timeline';
import { caseRow } from './caseRows';

const noRules = programmeRuleBook([]);

function rule(key: string, value: number, from = '2026-01-01', note = ''): ProgrammeRuleData {
  return { key, areaCode: null, effectiveFrom: from, effectiveTo: null, value, source: 'hq', note };
}

function manual(personId: string, category: string, from: string, to: string | null): CoverageSpan {
  return {
    personId,
    category,
    from,
    to,
    source: 'manual',
    caseId: null,
    recordId: `m-${personId}`,
    note: '',
  };
}

/** 王芳 (p1): 低保 approved 2026-02-20, paid from March, terminated 2026-06-15. */
const dibaoMarchToJune = caseRow('c-dibao', {
  decidedOn: '2026-02-20',
  paymentFrom: '2026-03',
  status: 'terminated',
  endedOn: '2026-06-15',
  paymentTo: '2026-06',
});

/**
 * 李强 (p2): 低保 paid from 2026-01, terminated 2026-05-20 when 特困 was confirmed for
 * him (特困 approved 2026-04-10, paid from 2026-05): 特困 wins from 1 May.
 */
const liDibao = caseRow('c-li-dibao', {
  applicantPersonId: 'p2',
  coveredPersonIds: ['p2'],
  decidedOn: '2025-12-15',
  paymentFrom: '2026-01',
  status: 'terminated',
  endedOn: '2026-05-20',
});
const liTekun = caseRow('c-li-tekun', {
  programme: 'tekun',
  applicantPersonId: 'p2',
  coveredPersonIds: ['p2'],
  decidedOn: '2026-04-10',
  paymentFrom: '2026-05',
  status: 'active',
});

describe('医疗救助 derivation from cases', () => {
  it('a paid 低保 case covers every member from the first paid month to the day it ended', () => {
    const family = caseRow('c-fam', {
      coveredPersonIds: ['p1', 'p3'],
      decidedOn: '2026-02-20',
      paymentFrom: '2026-03',
      status: 'active',
    });
    expect(deriveCoverage([family]).map((s) => [s.personId, s.category, s.from, s.to])).toEqual([
      ['p1', 'dibao', '2026-03-01', null],
      ['p3', 'dibao', '2026-03-01', null],
    ]);
    expect(deriveCoverage([dibaoMarchToJune])[0]).toMatchObject({
      from: '2026-03-01',
      to: '2026-06-15',
      caseId: 'c-dibao',
      source: 'derived',
    });
  });

  it('approved but not yet paid, refused or withdrawn covers nobody; suspended ends the day it was suspended', () => {
    const confirmed = caseRow('a', {
      status: 'confirmed',
      decidedOn: '2026-02-20',
      paymentFrom: '2026-03',
    });
    const denied = caseRow('b', { status: 'denied', decidedOn: '2026-02-20' });
    const suspended = caseRow('c', {
      status: 'suspended',
      decidedOn: '2026-01-10',
      paymentFrom: '2026-02',
      statusChangedAt: '2026-04-08T03:00:00.000Z',
    });
    const spans = deriveCoverage([confirmed, denied, suspended]);
    expect(spans.map((s) => [s.caseId, s.from, s.to])).toEqual([['c', '2026-02-01', '2026-04-08']]);
  });

  it('a 低保 case classified edge at its decision is 低保边缘 from the decision day, even before it is active', () => {
    const edge = caseRow('e', {
      status: 'confirmed',
      decidedOn: '2026-03-12',
      paymentFrom: '2026-04',
      benefit: { ...dibaoMarchToJune.data.benefit, benefitFen: 0, classification: 'edge' },
    });
    expect(deriveCoverage([edge]).map((s) => [s.category, s.from, s.to])).toEqual([
      ['dibaoEdge', '2026-03-12', null],
    ]);
  });
});

describe('category priority', () => {
  it('defaults: 特困 400 > 低保 300 > 低保边缘 200 > 监测对象 100; a county can reorder or withdraw', () => {
    expect(
      ['tekun', 'dibao', 'dibaoEdge', 'monitored'].map((c) =>
        categoryPriority(noRules, c, '2026-05-01'),
      ),
    ).toEqual([400, 300, 200, 100]);
    const rules = programmeRuleBook([
      rule('medical.category.monitored', 500),
      rule('medical.category.dibaoEdge', 0),
    ]);
    expect(categoryPriority(rules, 'monitored', '2026-05-01')).toBe(500);
    expect(categoryPriority(rules, 'dibaoEdge', '2026-05-01')).toBeUndefined();
    // Before the rules took effect the defaults hold.
    expect(categoryPriority(rules, 'monitored', '2025-12-31')).toBe(100);
  });

  it('a county adds a category by publishing medical.category.<code> (value = priority, note = name)', () => {
    const records = [rule('medical.category.disabled', 150, '2026-03-01', '重度残疾人')];
    const rules = programmeRuleBook(records);
    expect(categoriesInForce(records, rules, '2026-02-28').map((c) => c.code)).toEqual([
      'tekun',
      'dibao',
      'dibaoEdge',
      'monitored',
    ]);
    expect(categoriesInForce(records, rules, '2026-03-01').at(-1)).toEqual({
      code: 'disabled',
      name: '重度残疾人',
      derived: false,
    });
    expect(categoryPriority(rules, 'unheard', '2026-03-01')).toBeUndefined();
  });

  it('特困 wins over 低保 for the same person on the same days; with 低保 first the list changes category', () => {
    const timeline = coverageTimeline(deriveCoverage([liDibao, liTekun]), noRules);
    expect(timeline.map((s) => [s.category, s.from, s.to, s.caseId])).toEqual([
      ['dibao', '2026-01-01', '2026-04-30', 'c-li-dibao'],
      ['tekun', '2026-05-01', null, 'c-li-tekun'],
    ]);
    // Reordered by the county: 低保 above 特困 keeps 低保 until it ends, then 特困.
    const reordered = programmeRuleBook([rule('medical.category.dibao', 500)]);
    expect(
      coverageTimeline(deriveCoverage([liDibao, liTekun]), reordered).map((s) => [
        s.category,
        s.from,
        s.to,
      ]),
    ).toEqual([
      ['dibao', '2026-01-01', '2026-05-20'],
      ['tekun', '2026-05-21', null],
    ]);
  });
});

describe('coverageChanges over a period', () => {
  const spans = [
    ...deriveCoverage([dibaoMarchToJune, liDibao, liTekun]),
    // 赵敏 (p4): 监测对象 by hand from 2026-02-01, ended by hand on 2026-05-31.
    manual('p4', 'monitored', '2026-02-01', '2026-05-31'),
  ];
  const timeline = coverageTimeline(spans, noRules);

  it('March: 王芳 new from 1 March', () => {
    expect(
      coverageChanges(timeline, { from: '2026-03-01', to: '2026-03-31' }).map((c) => [
        c.type,
        c.personId,
        c.date,
        c.category,
      ]),
    ).toEqual([['new', 'p1', '2026-03-01', 'dibao']]);
  });

  it('Q2 (April–June): 李强 低保 → 特困 on 1 May, 赵敏 ended 31 May, 王芳 ended 15 June', () => {
    const q2 = coverageChanges(timeline, { from: '2026-04-01', to: '2026-06-30' });
    expect(q2.map((c) => [c.type, c.personId, c.date, c.category, c.previousCategory])).toEqual([
      ['changed', 'p2', '2026-05-01', 'tekun', 'dibao'],
      ['ended', 'p4', '2026-05-31', 'monitored', null],
      ['ended', 'p1', '2026-06-15', 'dibao', null],
    ]);
    // The changed line carries the new coverage's dates; the ended line the old one's.
    expect(q2[0]?.segment).toMatchObject({ from: '2026-05-01', to: null, caseId: 'c-li-tekun' });
    expect(q2[2]?.segment).toMatchObject({ from: '2026-03-01', to: '2026-06-15' });
  });

  it('any from–to: the whole half-year lists every change once; a period with none lists none', () => {
    const half = coverageChanges(timeline, { from: '2026-01-01', to: '2026-06-30' });
    expect(half.map((c) => `${c.type}:${c.personId}:${c.date}`)).toEqual([
      'new:p2:2026-01-01',
      'new:p4:2026-02-01',
      'new:p1:2026-03-01',
      'changed:p2:2026-05-01',
      'ended:p4:2026-05-31',
      'ended:p1:2026-06-15',
    ]);
    expect(coverageChanges(timeline, { from: '2026-07-01', to: '2026-07-31' })).toEqual([]);
  });

  it('the list as of a day shows the winning category only', () => {
    expect(coveredOn(timeline, '2026-05-10').map((s) => [s.personId, s.category])).toEqual([
      ['p1', 'dibao'],
      ['p2', 'tekun'],
      ['p4', 'monitored'],
    ]);
  });

  it('a hand 监测对象 record overlapping a 低保 coverage gives way to it and comes back after', () => {
    const both = coverageTimeline(
      [...deriveCoverage([dibaoMarchToJune]), manual('p1', 'monitored', '2026-01-01', null)],
      noRules,
    );
    expect(both.map((s) => [s.category, s.from, s.to, s.source])).toEqual([
      ['monitored', '2026-01-01', '2026-02-28', 'manual'],
      ['dibao', '2026-03-01', '2026-06-15', 'derived'],
      ['monitored', '2026-06-16', null, 'manual'],
    ]);
    const changes = coverageChanges(both, { from: '2026-06-01', to: '2026-06-30' });
    expect(changes.map((c) => [c.type, c.date, c.category, c.previousCategory])).toEqual([
      ['changed', '2026-06-16', 'monitored', 'dibao'],
    ]);
  });
});
