import { officeToday } from '@shared/validation/dates';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { BenefitStandardData, CalendarYearData } from '@shared/domain/reference';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { delegationInForce, type DelegationData } from '@shared/domain/delegation';
import { newRecordId } from '@shared/records/ids';
import { moduleOf, planCaseStep } from '@shared/programmes/caseEngine';
import { countyActionIds, ruleRecordIssues } from '@shared/programmes/registry';
import {
  entersForce,
  excludedProgrammeClash,
  excludedProgrammeError,
} from '@shared/programmes/caseChecks';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { HqTables } from '../db/schema';
import { lockStream } from '../store/changeLog';
import { nextHqClock } from '../store/hqClock';
import { officeStream } from '../store/offices';
import { notePublisher } from '../store/referencePublishers';
import {
  loadRecord,
  loadRecordsOfKinds,
  officesHolding,
  referenceOwner,
} from '../store/recordStore';
import { commitChange, type CommitResult } from './commitChange';
import type { IncomingChange } from './merge';
import { loadReferenceFacts, OfficeFacts } from './authority/officeFacts';
import { directWork } from './recordWork';

/**
 * Changes made at HQ itself — reference data the county publishes and county decisions
 * on cases — go through the same merge, validation and change log as desks' ops, so
 * they reach desks as ordinary changes.
 */
const county = { userId: 'county', role: 'county' };

async function atHq(
  trx: Transaction<HqTables>,
  now: Date,
  change: Omit<IncomingChange, 'hlc' | 'deviceId' | 'createdAt'>,
  stream: string,
): Promise<CommitResult> {
  const hlc = await nextHqClock(trx, now);
  const result = await commitChange(
    directWork(trx, stream),
    { ...change, hlc, deviceId: 'hq', createdAt: now.toISOString() },
    null,
    now,
  );
  if (result.status === 'rejected')
    throw new AppError({ ...result.reason, code: result.reason.code });
  if (stream === 'reference') {
    const { kind, recordId } = change;
    await notePublisher(trx, { seq: result.serverSeq, kind, recordId, by: change.actor.name }, now);
  }
  return result;
}

export async function publishStandard(
  db: Kysely<HqTables>,
  standard: Omit<BenefitStandardData, 'source'>,
  publishedBy: string,
  now: Date,
): Promise<string> {
  const id = newRecordId();
  await db.transaction().execute(async (trx) => {
    await lockStream(trx, 'reference');
    await atHq(
      trx,
      now,
      {
        kind: 'benefitStandard',
        recordId: id,
        officeId: referenceOwner,
        op: 'create',
        fields: { ...standard, source: 'hq' },
        baseVersion: 0,
        transition: null,
        actor: { ...county, name: publishedBy },
      },
      'reference',
    );
  });
  return id;
}

/**
 * A programme's number for a period (shared/programmes/ruleBook.ts), published to every
 * desk as reference data; a key no programme reads or a value out of the key's bounds
 * is refused before anything is written.
 */
export async function publishProgrammeRule(
  db: Kysely<HqTables>,
  rule: Omit<ProgrammeRuleData, 'source'>,
  publishedBy: string,
  now: Date,
): Promise<string> {
  const issues = ruleRecordIssues(rule);
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: `The rule ${rule.key} cannot be published so.`,
      fieldErrors: issues,
    });
  }
  const id = newRecordId();
  await db.transaction().execute(async (trx) => {
    await lockStream(trx, 'reference');
    await atHq(
      trx,
      now,
      {
        kind: 'programmeRule',
        recordId: id,
        officeId: referenceOwner,
        op: 'create',
        fields: { ...rule, source: 'hq' },
        baseVersion: 0,
        transition: null,
        actor: { ...county, name: publishedBy },
      },
      'reference',
    );
  });
  return id;
}

export async function publishCalendarYear(
  db: Kysely<HqTables>,
  year: Omit<CalendarYearData, 'source'>,
  publishedBy: string,
  now: Date,
): Promise<void> {
  const id = `calendar-${year.year}`;
  await db.transaction().execute(async (trx) => {
    await lockStream(trx, 'reference');
    const existing = await loadRecord(trx, referenceOwner, 'calendarYear', id);
    await atHq(
      trx,
      now,
      {
        kind: 'calendarYear',
        recordId: id,
        officeId: referenceOwner,
        op: existing ? 'update' : 'create',
        fields: { ...year, source: 'hq' },
        baseVersion: existing?.version ?? 0,
        transition: null,
        actor: { ...county, name: publishedBy },
      },
      'reference',
    );
  });
}

/**
 * The county delegates 审核确认 to an office from a date, or takes it back: a new
 * `delegation` record in the reference stream each time (the history keeps every grant
 * and revocation, with who set it). Only HQ writes this kind; desks receive it by pull.
 */
export async function setDelegation(
  db: Kysely<HqTables>,
  delegation: Omit<DelegationData, 'note'> & { note?: string },
  setBy: string,
  now: Date,
): Promise<string> {
  const id = newRecordId();
  await db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom('offices')
      .select('id')
      .where('id', '=', delegation.office)
      .executeTakeFirst();
    if (!office) {
      throw new AppError({
        code: 'not_found',
        message: `No office ${delegation.office}.`,
        fieldErrors: [{ path: 'office', code: 'office.unknown' }],
      });
    }
    await lockStream(trx, 'reference');
    await atHq(
      trx,
      now,
      {
        kind: 'delegation',
        recordId: id,
        officeId: referenceOwner,
        op: 'create',
        fields: { note: '', ...delegation },
        baseVersion: 0,
        transition: null,
        actor: { ...county, name: setBy },
      },
      'reference',
    );
  });
  return id;
}

/** The county's decisions, read from the workflows: confirm, approve, deny, return, …. */
export const countyDecisionActions = countyActionIds;

/**
 * 审核确认 at the county: one of the county's actions on a case waiting for it (confirm or
 * deny, approve, …: whatever the case's module lets the role 'county' do from its status;
 * planCaseStep refuses any other). The admin API, the CLI and the console all decide here.
 */
export async function decideCase(
  db: Kysely<HqTables>,
  decision: {
    caseId: string;
    action: string;
    opinion: string;
    decidedBy: string;
  },
  now: Date,
): Promise<void> {
  if (!decision.opinion.trim()) {
    throw new AppError({
      code: 'validation',
      message: 'A county decision needs an opinion.',
      fieldErrors: [{ path: 'opinion', code: 'workflow.opinion_required' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    const [officeId, ...others] = await officesHolding(trx, 'assistanceCase', decision.caseId);
    const found =
      officeId && others.length === 0
        ? await loadRecord(trx, officeId, 'assistanceCase', decision.caseId)
        : null;
    if (!found || found.deleted)
      throw new AppError({ code: 'not_found', message: 'No such case.' });
    const stream = officeStream(found.officeId);
    await lockStream(trx, stream);
    const current = await loadRecord(trx, found.officeId, 'assistanceCase', decision.caseId);
    if (!current) throw new AppError({ code: 'not_found', message: 'No such case.' });
    const from = String(current.data.status);
    // The county's step through the same state machine as every other step: it is
    // refused unless the case waits for the county.
    const today = officeToday(now);
    const [reference, settings] = await Promise.all([
      loadReferenceFacts(trx),
      new OfficeFacts(trx, found.officeId).settings(directWork(trx, stream)),
    ]);
    // The county gives one opinion; a step back (退回) takes it as its reason too.
    const opinion = decision.opinion.trim();
    const planned = planCaseStep(
      current.data as unknown as AssistanceCaseData,
      { action: decision.action, role: 'county', opinion, reason: opinion },
      {
        today,
        settings,
        calendar: reference.calendar,
        rules: reference.rules,
        confirmationDelegated: delegationInForce(reference.delegations, found.officeId, today),
      },
    );
    await refuseExcludedProgramme(trx, found.officeId, current, planned.fields);
    const to = planned.to;
    const at = now.toISOString();
    const actor = { ...county, name: decision.decidedBy };
    const base = { officeId: found.officeId, actor };
    await atHq(
      trx,
      now,
      {
        ...base,
        kind: 'assistanceCase',
        recordId: decision.caseId,
        op: 'transition',
        fields: { ...planned.fields, statusChangedAt: at },
        baseVersion: current.version,
        transition: { action: decision.action, from, to },
      },
      stream,
    );
    await atHq(
      trx,
      now,
      {
        ...base,
        kind: 'caseEvent',
        recordId: newRecordId(),
        op: 'create',
        fields: {
          caseId: decision.caseId,
          action: decision.action,
          from,
          to,
          actorId: 'county',
          actorName: decision.decidedBy,
          actorRole: 'county',
          at,
          opinion,
          reason: isStepBack(current.data, decision.action) ? opinion : '',
        },
        baseVersion: 0,
        transition: null,
      },
      stream,
    );
  });
}

/**
 * 特困 ↔ 低保: the county's approval too is refused while a person the case covers is in
 * force in an excluded programme (the rule the desk and a pushed step meet).
 */
async function refuseExcludedProgramme(
  trx: Transaction<HqTables>,
  officeId: string,
  current: { id: string; data: Record<string, unknown> },
  fields: Record<string, unknown>,
) {
  const before = current.data as unknown as AssistanceCaseData;
  const after = { ...before, ...fields, id: current.id } as AssistanceCaseData & { id: string };
  if (!entersForce(before, after)) return;
  const others = (await loadRecordsOfKinds(trx, officeId, ['assistanceCase']))
    .filter((r) => !r.deleted)
    .map((r) => ({ ...(r.data as unknown as AssistanceCaseData), id: r.id }));
  const clash = excludedProgrammeClash(after, others);
  if (!clash) return;
  const person = await loadRecord(trx, officeId, 'person', clash.personId);
  const name = typeof person?.data.name === 'string' ? person.data.name : clash.personId;
  throw new AppError({
    code: 'validation',
    message: `A covered person is in force in ${clash.programme}, which this programme excludes.`,
    fieldErrors: [excludedProgrammeError(clash, name)],
    details: { existingId: clash.caseId, personId: clash.personId },
  });
}

const isStepBack = (data: Record<string, unknown>, action: string): boolean =>
  moduleOf(data as unknown as AssistanceCaseData).workflow.actions[action]?.kind === 'back';
