import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { buildNoticeList, noticeCasesWithoutVillage, villagesOf } from '@shared/papers/noticeList';
import { maskIdForPaper, scrubPublicText } from '@shared/papers/publicText';
import { aCase, household, office, person } from './paperFixtures';

const zhang = person('p1', '张三丰', '1960-05-04');
const li = person('p2', '李秀英', '1962-08-15', '024');
const wang = person('p3', '王五', '1970-01-01', '035');
const request = {
  village: '东村',
  from: '2026-11-20',
  to: '2026-11-30',
  objectionContact: '城关镇民政办 0571-88001234',
};

function build(over: Partial<Parameters<typeof buildNoticeList>[0]> = {}) {
  return buildNoticeList({
    request,
    officeName: office.officeName,
    cases: [aCase('c1', { coveredPersonIds: ['p1', 'p2'] })],
    households: [household('h1', zhang, '东村', [{ personId: 'p2', relation: 'spouse' }])],
    persons: [zhang, li, wang],
    ...over,
  });
}

describe('公示 list of a village for a period', () => {
  it('lists village, head, covered count, category and amount, with the head’s ID masked', () => {
    const paper = build();
    expect(paper.rows).toEqual([
      {
        seq: 1,
        caseId: 'c1',
        village: '东村',
        headName: '张三丰',
        headIdMasked: `330102********${zhang.idNumber.slice(14)}`,
        coveredCount: 2,
        programme: 'dibao',
        category: 'rural',
        amountFen: 13_200,
        noticeStartedOn: '2026-11-20',
        noticeEnd: '2026-11-27',
      },
    ]);
    expect(paper).toMatchObject({
      village: '东村',
      from: '2026-11-20',
      to: '2026-11-30',
      objectionContact: '城关镇民政办 0571-88001234',
      totalFen: 13_200,
      totalCovered: 2,
    });
  });

  it('takes the cases whose 公示 runs in the period, of this village only', () => {
    const cases = [
      aCase('in'),
      // Started before the period and still running on its first day.
      aCase('running', { noticeStartedOn: '2026-11-12', noticeEnd: '2026-11-20' }),
      // Over before the period began.
      aCase('over', { noticeStartedOn: '2026-11-02', noticeEnd: '2026-11-11' }),
      // Sent back to investigation: the step clears noticeStartedOn.
      aCase('back', { status: 'investigating', noticeStartedOn: null, noticeEnd: null }),
      aCase('withdrawn', { status: 'withdrawn' }),
      aCase('denied', { status: 'denied' }),
      // Starts after the period's last day.
      aCase('later', { noticeStartedOn: '2026-12-01', noticeEnd: '2026-12-09' }),
      // Moved on to the county after its 公示: still on the board until the period ends.
      aCase('county', { status: 'county_review' }),
      aCase('west', { householdId: 'h2' }),
    ];
    const paper = build({
      cases,
      households: [household('h1', zhang, '东村'), household('h2', wang, '西村')],
    });
    expect(paper.rows.map((r) => r.caseId)).toEqual(['running', 'county', 'in']);
    expect(paper.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(villagesOf([household('h1', zhang, '东村'), household('h2', wang, ' 西村 ')])).toEqual([
      '东村',
      '西村',
    ]);
  });

  it('refuses a period shorter than a listed case’s own 公示, and says whose', () => {
    const error = (() => {
      try {
        build({ request: { ...request, to: '2026-11-25' } });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([
      {
        path: 'to',
        code: 'papers.period_too_short',
        params: { name: '张三丰', noticeEnd: '2026-11-27' },
      },
    ]);
  });

  it('refuses a reversed period, no contact and no village, each at its field', () => {
    try {
      build({
        request: { village: ' ', from: '2026-12-01', to: '2026-11-30', objectionContact: '' },
      });
      expect.unreachable();
    } catch (thrown) {
      expect((thrown as AppError).fieldErrors.map((f) => `${f.path}:${f.code}`)).toEqual([
        'village:papers.village',
        'to:papers.period_order',
        'objectionContact:papers.contact_required',
      ]);
    }
  });
});

describe('what a public paper never shows (the attacker’s version)', () => {
  it('keeps a phone or an ID typed into a name or a village off the list', () => {
    // What each forged name prints as: the digits gone, the name still there to read.
    const forged: [string, string][] = [
      ['张三丰13812345678', '张三丰***********'],
      [`王五 ${wang.idNumber}`, '王五 ******************'],
      ['张三 138 1234 5678', '张三 *************'],
      ['张三１３８１２３４５６７８', '张三***********'],
      // Chinese numerals: the 三 of the name joins the run, and is masked with it.
      ['张三一三八一二三四五六七八', '张************'],
    ];
    for (const [name, shown] of forged) {
      const h = { ...household('h1', zhang, '东村'), headName: name };
      const paper = build({ households: [h] });
      expect(paper.rows[0]?.headName).toBe(shown);
      const printed = JSON.stringify(paper.rows[0]);
      for (const secret of ['1234', '１２３４', '一二三四', wang.idNumber.slice(6, 14)]) {
        expect(printed).not.toContain(secret);
      }
    }
    // A village named with a phone in it is masked too, on every row and in the title.
    const village = '东村13812345678';
    const paper = build({
      request: { ...request, village },
      households: [household('h1', zhang, village)],
    });
    expect(paper.village).toBe('东村***********');
    expect(paper.rows[0]?.village).toBe('东村***********');
  });

  it('has no field for a phone, an address, a bank account, an illness or a disability', () => {
    const paper = build();
    const printed = JSON.stringify(paper);
    expect(printed).not.toContain('3组12号');
    expect(printed).not.toContain(zhang.idNumber);
    expect(Object.keys(paper.rows[0] ?? {}).sort()).toEqual(
      [
        'caseId',
        'category',
        'coveredCount',
        'headIdMasked',
        'headName',
        'amountFen',
        'noticeEnd',
        'noticeStartedOn',
        'programme',
        'seq',
        'village',
      ].sort(),
    );
  });

  it('scrubs runs of four or more digits and keeps short ones', () => {
    expect(scrubPublicText('东村3组')).toBe('东村3组');
    expect(scrubPublicText('东村12组')).toBe('东村12组');
    expect(scrubPublicText('0571-8800-1234')).toBe('**************');
    expect(scrubPublicText('张三 33010219600504013X')).toBe('张三 ******************');
    expect(maskIdForPaper('33010219600504013x')).toBe('330102********013X');
    expect(maskIdForPaper('H1234567')).toBe('********');
    expect(maskIdForPaper('810000199001011234')).toBe('810000********1234');
  });
});

describe('cases no list can carry', () => {
  it('counts the cases on notice whose household names no village', () => {
    const cases = [aCase('placed'), aCase('unplaced', { householdId: 'h2' })];
    const households = [household('h1', zhang, '东村'), household('h2', wang, '  ')];
    expect(noticeCasesWithoutVillage(cases, households, '2026-11-20', '2026-11-30')).toBe(1);
    expect(build({ cases, households }).rows.map((r) => r.caseId)).toEqual(['placed']);
  });
});
