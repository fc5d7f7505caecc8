import { AppError } from '@shared/errors/appError';
import { benefitInputOf, computeCaseBenefit } from '@shared/benefit/caseBenefit';
import type { WorkingCalendar } from '@shared/calendar/workingDays';
import type {
  AssetsData,
  AssistanceCaseData,
  MonthlyIncomeData,
} from '@shared/domain/assistanceCase';
import type { CaseEventData } from '@shared/domain/caseEvent';
import type { OfficeSettings } from '@shared/domain/settings';
import type { StoredRecord } from '@shared/records/envelope';
import { classifyQuery } from '@shared/search/searchTokens';
import { planTransition } from '@shared/workflow/stateMachine';
import { dibaoDeadlines, isOverdue } from '@shared/workflow/dibaoDeadlines';
import {
  dibaoWorkflow,
  type DibaoStatus,
  type DibaoWorkflowContext,
} from '@shared/workflow/dibaoWorkflow';
import type { DeskDatabase } from '../database';
import { write } from '../writePath';
import type { WriteContext } from '../writeContext';
import { listStandards, loadCalendar } from './reference';
import { loadSettings } from './settings';

export type AssistanceCase = StoredRecord<AssistanceCaseData>;
export type CaseEvent = StoredRecord<CaseEventData>;

/** What the 低保 application form collects; status and dates belong to the workflow. */
export interface DibaoApplicationInput {
  householdId: string;
  applicantPersonId: string;
  applicantName: string;
  category: AssistanceCaseData['category'];
  areaCode: string;
  coveredPersonIds: string[];
  income: MonthlyIncomeData;
  deductionsFen: number;
  assets: AssetsData;
  applicationDate: string;
}

async function requireSettings(db: DeskDatabase): Promise<OfficeSettings> {
  const settings = await loadSettings(db);
  if (!settings) throw new AppError({ code: 'not_found', message: 'Office settings are missing.' });
  return settings;
}

/** Standards and settings are read before the write transaction (no await on other work inside). */
async function benefitFor(db: DeskDatabase, input: DibaoApplicationInput) {
  const [standards, settings] = await Promise.all([listStandards(db), requireSettings(db)]);
  return computeCaseBenefit(benefitInputOf(input), standards, settings);
}

export async function createDibaoCase(
  db: DeskDatabase,
  ctx: WriteContext,
  input: DibaoApplicationInput,
): Promise<AssistanceCase> {
  const benefit = await benefitFor(db, input);
  return write(db, ctx, (w) =>
    w.create('assistanceCase', {
      ...input,
      programme: 'dibao',
      benefit,
      status: 'draft',
      statusChangedAt: ctx.now().toISOString(),
      acceptedOn: null,
      noticeStartedOn: null,
      noticeEnd: null,
      decisionDue: null,
    }),
  );
}

/** Edits the application facts (not its status) and recomputes the benefit. */
export async function updateDibaoCase(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: DibaoApplicationInput,
): Promise<AssistanceCase> {
  const benefit = await benefitFor(db, input);
  return write(db, ctx, (w) => w.update('assistanceCase', id, baseVersion, { ...input, benefit }));
}

export interface TransitionInput {
  action: string;
  opinion?: string;
  reason?: string;
}

/**
 * One workflow step: the state machine decides whether this role may take it; the case
 * and its new history event are written together, the case's change queued as a
 * 'transition' op so HQ replays the step instead of merging fields.
 */
export async function transitionCase(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: TransitionInput,
): Promise<AssistanceCase> {
  const [settings, calendar] = await Promise.all([requireSettings(db), loadCalendar(db)]);
  return write(db, ctx, async (w) => {
    const current = await w.get('assistanceCase', id);
    if (!current || current.deleted) {
      throw new AppError({ code: 'not_found', message: `No case with id ${id}.` });
    }
    const workflowCtx: DibaoWorkflowContext = {
      today: w.today,
      noticeEnd: current.noticeEnd,
      confirmationDelegated: settings.confirmationDelegated,
    };
    const { to } = planTransition(dibaoWorkflow, {
      state: current.status,
      action: input.action,
      role: ctx.actor.role,
      opinion: input.opinion ?? null,
      reason: input.reason ?? null,
      ctx: workflowCtx,
    });
    const dates = datesAfter(input.action, to, current, w.today, settings, calendar);
    const updated = await w.update(
      'assistanceCase',
      id,
      baseVersion,
      { ...dates, status: to, statusChangedAt: ctx.now().toISOString() },
      { transition: { action: input.action, from: current.status, to } },
    );
    await w.create('caseEvent', {
      caseId: id,
      action: input.action as CaseEventData['action'],
      from: current.status,
      to,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      actorRole: ctx.actor.role,
      at: ctx.now().toISOString(),
      opinion: input.opinion?.trim() ?? '',
      reason: input.reason?.trim() ?? '',
    });
    return updated;
  });
}

/**
 * The dates a step sets: 受理 starts the decision limit, 公示 its notice period, and
 * going back clears them. Deadlines count working days on the office calendar.
 */
function datesAfter(
  action: string,
  to: DibaoStatus,
  current: AssistanceCase,
  today: string,
  settings: OfficeSettings,
  calendar: WorkingCalendar,
): Partial<AssistanceCaseData> {
  const acceptedOn =
    action === 'accept' ? today : action === 'return_for_materials' ? null : current.acceptedOn;
  const noticeStartedOn =
    action === 'start_notice' ? today : action === 'reinvestigate' ? null : current.noticeStartedOn;
  const deadlines = dibaoDeadlines({ acceptedOn, noticeStartedOn, status: to }, settings, calendar);
  return { acceptedOn, noticeStartedOn, ...deadlines };
}

export async function getCase(db: DeskDatabase, id: string): Promise<AssistanceCase | undefined> {
  const c = await db.cases.get(id);
  return c && !c.deleted ? c : undefined;
}

export async function caseHistory(db: DeskDatabase, caseId: string): Promise<CaseEvent[]> {
  const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
  return events.sort((a, b) => a.hlc.localeCompare(b.hlc));
}

export interface CaseListFilter {
  status?: DibaoStatus;
  overdueOnly?: boolean;
  query?: string;
  today: string;
}

/** Indexed lookups only: by search token, by status, or by due date for overdue cases. */
export async function listCases(
  db: DeskDatabase,
  filter: CaseListFilter,
  offset = 0,
  limit = 100,
): Promise<AssistanceCase[]> {
  const q = filter.query ? classifyQuery(filter.query) : null;
  let collection;
  if (q?.value) {
    collection = db.cases.where('searchTokens').startsWith(q.value.toLowerCase()).distinct();
  } else if (filter.overdueOnly) {
    collection = db.cases.where('decisionDue').below(filter.today);
  } else if (filter.status) {
    collection = db.cases.where('status').equals(filter.status);
  } else {
    collection = db.cases.orderBy('id').reverse();
  }
  return collection
    .filter(
      (c) =>
        !c.deleted &&
        (!filter.status || c.status === filter.status) &&
        (!filter.overdueOnly || isOverdue(c.status, c.decisionDue, filter.today)),
    )
    .offset(offset)
    .limit(limit)
    .toArray();
}

export async function casesOfHousehold(db: DeskDatabase, householdId: string) {
  const cases = await db.cases.where('householdId').equals(householdId).toArray();
  return cases.filter((c) => !c.deleted);
}
