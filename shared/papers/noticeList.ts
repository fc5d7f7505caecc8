/**
 * The 公示 list of one village (村/社区) for a period (docs/programmes.md, 文书):
 * the cases of the village whose 公示 runs in the period — started (noticeStartedOn set;
 * a reinvestigation clears it, so a case sent back leaves the list) on or before the
 * period's last day and not ending before its first — of programmes that post a notice,
 * and not withdrawn or refused since. Decided cases are not re-posted: the list is the
 * notice before a decision, where an objection can still change it.
 *
 * What a row shows is what domain.md allows a public notice: village, the head of
 * household's name, covered members (their number), category and amount, and the head's
 * ID masked (first 6 + last 4). Never a phone, an address, a bank account, an illness or
 * a disability: the row type has no field that could carry one, and free text (names,
 * village) passes scrubPublicText. The objection contact and the dates are typed by the
 * supervisor at print time; the period is printed, and the notice comes down at its end.
 */
import { compareIsoDates } from '../calendar/dates';
import { AppError, type FieldError } from '../errors/appError';
import { programmeModules } from '../programmes/registry';
import { isProgramme } from '../programmes/registry';
import { maskIdForPaper, scrubPublicText } from './publicText';
import type { PaperCase, PaperHousehold, PaperPerson } from './types';

export interface NoticeListRequest {
  village: string;
  from: string;
  to: string;
  /** Where and to whom an objection goes (an office phone or address), typed at print. */
  objectionContact: string;
}

export interface NoticeRow {
  seq: number;
  caseId: string;
  village: string;
  headName: string;
  /** The head's ID, masked; '' when the household's head is not a registered person here. */
  headIdMasked: string;
  coveredCount: number;
  programme: string;
  /** The case's area category (urban/rural), shown with the programme (城市低保, 农村低保). */
  category: 'urban' | 'rural';
  amountFen: number;
  noticeStartedOn: string;
  noticeEnd: string | null;
}

export interface NoticeListPaper {
  kind: 'noticeList';
  officeName: string;
  village: string;
  from: string;
  to: string;
  objectionContact: string;
  rows: NoticeRow[];
  totalFen: number;
  totalCovered: number;
}

const closedStatuses = new Set(['withdrawn', 'denied']);

/** Whether a case's 公示 runs in [from, to] (any day of it). */
export function inNoticeDuring(c: PaperCase, from: string, to: string): boolean {
  if (!c.noticeStartedOn || closedStatuses.has(c.status)) return false;
  if (!isProgramme(c.programme)) return false;
  const module = programmeModules[c.programme];
  if (!module.hasNotice || !module.papers.includes('noticeList')) return false;
  if (compareIsoDates(c.noticeStartedOn, to) > 0) return false;
  return c.noticeEnd === null || compareIsoDates(c.noticeEnd, from) >= 0;
}

/**
 * Cases whose 公示 runs in the period but whose household names no village: no list can
 * carry them, so the screen says how many (the registry's household needs its 村/社区).
 */
export function noticeCasesWithoutVillage(
  cases: readonly PaperCase[],
  households: readonly PaperHousehold[],
  from: string,
  to: string,
): number {
  const village = new Map(households.map((h) => [h.id, h.villageName.trim()]));
  return cases.filter((c) => inNoticeDuring(c, from, to) && !village.get(c.householdId)).length;
}

/** The villages with at least one household, named as the registry writes them. */
export function villagesOf(households: readonly PaperHousehold[]): string[] {
  const names = new Set(households.map((h) => h.villageName.trim()).filter((v) => v !== ''));
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export function noticeListIssues(
  request: NoticeListRequest,
  rows: readonly NoticeRow[],
): FieldError[] {
  const issues: FieldError[] = [];
  if (request.village.trim() === '') issues.push({ path: 'village', code: 'papers.village' });
  if (compareIsoDates(request.from, request.to) > 0) {
    issues.push({ path: 'to', code: 'papers.period_order' });
  }
  if (request.objectionContact.trim() === '') {
    issues.push({ path: 'objectionContact', code: 'papers.contact_required' });
  }
  // The notice comes down at the period's end: a case whose own 公示 lasts longer would
  // be taken down early.
  const late = rows.find(
    (r) => r.noticeEnd !== null && compareIsoDates(r.noticeEnd, request.to) > 0,
  );
  if (late?.noticeEnd) {
    issues.push({
      path: 'to',
      code: 'papers.period_too_short',
      params: { name: late.headName, noticeEnd: late.noticeEnd },
    });
  }
  return issues;
}

export function buildNoticeList(input: {
  request: NoticeListRequest;
  officeName: string;
  cases: readonly PaperCase[];
  households: readonly PaperHousehold[];
  persons: readonly PaperPerson[];
}): NoticeListPaper {
  const { request } = input;
  const village = request.village.trim();
  const households = new Map(input.households.map((h) => [h.id, h]));
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  const order = Object.keys(programmeModules);
  const listed = input.cases
    .filter((c) => households.get(c.householdId)?.villageName.trim() === village)
    .filter((c) => village !== '' && inNoticeDuring(c, request.from, request.to))
    .sort(
      (a, b) =>
        order.indexOf(a.programme) - order.indexOf(b.programme) ||
        compareIsoDates(a.noticeStartedOn ?? '', b.noticeStartedOn ?? '') ||
        a.id.localeCompare(b.id),
    );
  const rows = listed.map((c, index): NoticeRow => {
    const household = households.get(c.householdId);
    const head = household ? persons.get(household.headPersonId) : undefined;
    return {
      seq: index + 1,
      caseId: c.id,
      village: scrubPublicText(village),
      headName: scrubPublicText(household?.headName ?? c.applicantName),
      headIdMasked: head ? maskIdForPaper(head.idNumber) : '',
      coveredCount: c.coveredPersonIds.length,
      programme: c.programme,
      category: c.category,
      amountFen: c.benefit.benefitFen,
      noticeStartedOn: c.noticeStartedOn ?? '',
      noticeEnd: c.noticeEnd,
    };
  });
  const issues = noticeListIssues(request, rows);
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The notice list cannot be drawn up.',
      fieldErrors: issues,
    });
  }
  return {
    kind: 'noticeList',
    officeName: input.officeName,
    village: scrubPublicText(village),
    from: request.from,
    to: request.to,
    objectionContact: request.objectionContact.trim(),
    rows,
    totalFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
    totalCovered: rows.reduce((sum, r) => sum + r.coveredCount, 0),
  };
}
