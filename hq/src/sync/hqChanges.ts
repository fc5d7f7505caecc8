import type { Kysely, Transaction } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { BenefitStandardData, CalendarYearData } from '@shared/domain/reference';
import { newRecordId } from '@shared/records/ids';
import type { HqTables } from '../db/schema';
import { lockStream } from '../store/changeLog';
import { nextHqClock } from '../store/hqClock';
import { officeStream } from '../store/offices';
import { loadRecord, officesHolding, referenceOwner } from '../store/recordStore';
import { commitChange, type CommitResult } from './commitChange';
import type { IncomingChange } from './merge';
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

/** 审核确认 at the county: confirm or deny a case submitted to the county. */
export async function decideCase(
  db: Kysely<HqTables>,
  decision: { caseId: string; action: 'confirm' | 'deny'; opinion: string; decidedBy: string },
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
    const from = String(current?.data.status);
    if (from !== 'county_review') {
      throw new AppError({
        code: 'invalid_transition',
        message: `The case is ${from}, not waiting for the county.`,
        details: { from, action: decision.action },
      });
    }
    const to = decision.action === 'confirm' ? 'confirmed' : 'denied';
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
        fields: { status: to, statusChangedAt: at },
        baseVersion: current?.version ?? 0,
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
          opinion: decision.opinion.trim(),
          reason: '',
        },
        baseVersion: 0,
        transition: null,
      },
      stream,
    );
  });
}
