import { expect } from 'vitest';
import { formatHlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema, type OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys, publicHqKeys, type HqKeys } from '../../../hq/src/store/hqKeys';
import {
  hqOfficeRecords,
  hqStorages,
  postJson,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { applyForDibao, registerFamily, step } from '../../support/officeWork';
import {
  connect,
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';
import { keyedDesk, openFromHq, sealForHq, type KeyedDesk } from './packageKit';

/**
 * A hostile desk for the hostile-desk suites: a real enrolled device of the office (its
 * token, its package keys) that sends hand-made ops online and in signed packages, and
 * the office it attacks (an honest desk's cases at several steps, and the office's other
 * desk, which must see nothing of what HQ refused).
 */

let running: RunningHq | undefined;

/** Stops the HQ the last `setUp` started (each test's afterEach). */
export async function stopHostileOffice(): Promise<void> {
  await running?.stop();
  running = undefined;
}

/** A record of office-a as HQ holds it: its version and data. */
export async function hqRecord(office: Office, kind: string, id: string) {
  const row = await office.hq.hq.db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('office_id', '=', 'office-a')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), data: JSON.parse(row.data) as Record<string, unknown> };
}

/** The case as HQ holds it. */
export const hqCase = (office: Office, id: string) => hqRecord(office, 'assistanceCase', id);

export const forgerActors = {
  registrar: { userId: 'user-registrar-f1', name: '登记员f1', role: 'registrar' },
  supervisor: { userId: 'user-supervisor-f1', name: '主管f1', role: 'supervisor' },
  admin: { userId: 'user-admin-f1', name: '管理员f1', role: 'admin' },
};

export type Mode = 'online' | 'package';
const modes: Mode[] = ['online', 'package'];
export const cases = hqStorages.flatMap((storage) => modes.map((mode) => ({ storage, mode })));

export interface Office {
  hq: RunningHq;
  hqKeys: HqKeys;
  honest: SyncDesk;
  /** The office's other desk: must see nothing of what HQ refused. */
  other: SyncDesk;
  forger: KeyedDesk;
  draftId: string;
  noticeId: string;
  investigatingId: string;
}

export async function setUp(storage: (typeof hqStorages)[number]): Promise<Office> {
  const hq = await startHq({ storage });
  running = hq;
  // The county's standard is published (freshPlace): cases are judged against it.
  const honest = await openOfficeDesk('office-a', 'a1');
  const other = await openOfficeDesk('office-a', 'a2');
  const b1 = await openOfficeDesk('office-b', 'b1');
  for (const desk of [honest, other, b1]) await enroll(desk, hq);
  const family = await registerFamily(honest);
  const facts = {
    householdId: family.household.id,
    headPersonId: family.household.headPersonId,
    headName: family.household.headName,
    memberIds: family.members.map((m) => m.person.id),
  };
  const draft = await applyForDibao(honest, facts);
  // Two more cases of other households for the later steps (one open case per person).
  const walk = async (actions: Parameters<typeof step>[2][]) => {
    const f = await registerFamily(honest);
    const created = await applyForDibao(honest, {
      householdId: f.household.id,
      headPersonId: f.household.headPersonId,
      headName: f.household.headName,
      memberIds: f.members.map((m) => m.person.id),
    });
    for (const action of actions) await step(honest, created.id, action);
    return created.id;
  };
  const investigatingId = await walk(['submit', 'accept', 'start_investigation']);
  const noticeId = await walk([
    'submit',
    'accept',
    'start_investigation',
    'record_opinion',
    'start_notice',
  ]);
  for (const desk of [honest, b1, other]) {
    const report = await sync(desk);
    expect(report.rejected, desk.name).toBe(0);
  }
  const forger = await keyedDesk(hq.hq, 'office-a', 'f1');
  await connectAndSync(forger, hq);
  return {
    hq,
    hqKeys: await loadHqKeys(hq.hq),
    honest,
    other,
    forger,
    draftId: draft.id,
    noticeId,
    investigatingId,
  };
}

async function connectAndSync(forger: KeyedDesk, hq: RunningHq) {
  const hqKeys = publicHqKeys(await loadHqKeys(hq.hq));
  await connect(forger.desk, { token: forger.token, hqKeys }, hq.url);
  const report = await sync(forger.desk);
  expect(report.rejected).toBe(0);
}

/** Hand-made ops from the forger's device, numbered on from what HQ holds of it. */
export class Forge {
  private seq = 0;
  private packageNumber = 0;
  private clock = Date.parse('2026-04-15T02:00:00Z');

  constructor(
    private readonly office: Office,
    private readonly mode: Mode,
  ) {}

  async start() {
    const row = await this.office.hq.hq.db
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', this.office.forger.desk.deviceId)
      .executeTakeFirstOrThrow();
    this.seq = Number(row.last_seq);
  }

  op(over: Partial<QueueEntry>): QueueEntry {
    this.seq += 1;
    this.clock += 60_000;
    const at = new Date(this.clock);
    const desk = this.office.forger.desk;
    return {
      seq: this.seq,
      opId: newRecordId(),
      txId: newRecordId(),
      deviceId: desk.deviceId,
      officeId: desk.officeId,
      kind: 'assistanceCase',
      recordId: this.office.draftId,
      op: 'update',
      fields: {},
      baseVersion: 1,
      transition: null,
      reason: null,
      hlc: formatHlc({ wallMs: this.clock, counter: 0, node: desk.deviceId }),
      actor: { userId: 'user-registrar-f1', name: '登记员f1', role: 'registrar' },
      createdAt: at.toISOString(),
      ...over,
    };
  }

  /** A workflow step and its history event, one local transaction, as a desk writes them. */
  step(
    caseId: string,
    baseVersion: number,
    transition: { action: string; from: string; to: string },
    actor: QueueEntry['actor'],
    options: { fields?: Record<string, unknown>; opinion?: string } = {},
  ): QueueEntry[] {
    const txId = newRecordId();
    const fields = options.fields ?? { status: transition.to };
    const stepOp = this.op({
      txId,
      recordId: caseId,
      op: 'transition',
      transition,
      fields,
      baseVersion,
      actor,
    });
    const event = this.op({
      txId,
      kind: 'caseEvent',
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      actor,
      fields: {
        caseId,
        ...transition,
        actorId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        at: stepOp.createdAt,
        opinion: options.opinion ?? '',
        reason: '',
      },
    });
    return [stepOp, event];
  }

  /** Sends ops the way the mode says; HQ's result for each. */
  async send(ops: QueueEntry[]): Promise<OpResult[]> {
    const { forger, hq, hqKeys } = this.office;
    if (this.mode === 'online') {
      const answer = await postJson(`${hq.url}${hqRoutes.push}`, { ops }, forger.token);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return pushResponseSchema.parse(answer.body).results;
    }
    this.packageNumber += 1;
    const bytes = await sealForHq(forger, hqKeys, ops, { number: this.packageNumber });
    const imported = await importDevicePackage(hq.hq.db, hqKeys, bytes, new Date());
    const opened = await openFromHq(imported.returnPackage.bytes, forger, hqKeys);
    return ops.map((op) => {
      const result = opened.payload.results.find((r) => r.opId === op.opId);
      if (!result) throw new Error(`no result for ${op.opId}`);
      return result;
    });
  }
}

/** The field-error code of a refusal (the precise reason), or the result's status. */
export function reasonOf(result: OpResult | undefined): string {
  if (!result) return 'missing';
  if (result.status !== 'rejected') return result.status;
  return result.reason.fieldErrors?.[0]?.code ?? result.reason.code;
}

/**
 * HQ's records of the office and the other desk's. A refused create comes back down the
 * stream as a tombstone (so the desk that made it drops its copy), which the other desk
 * stores as a deleted record it never had: those are left out here (see the session
 * notes: the sending desk should drop it on the refusal instead).
 */
export async function officeState(office: Office) {
  await sync(office.other);
  const other = await deskOfficeRecords(office.other);
  for (const [key, record] of other) if (record.deleted && record.version === 0) other.delete(key);
  return { hq: await hqOfficeRecords(office.hq.hq, 'office-a'), other };
}

/** A refused result's field errors as `path:code` (else its status), to compare at once. */
export const fieldsOf = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? (result.reason.fieldErrors ?? []).map((e) => `${e.path}:${e.code}`)
    : result?.status;
