import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/clock/hlc';
import { delegationInForce } from '@shared/domain/delegation';
import { newRecordId } from '@shared/records/ids';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema, type OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { listDelegations } from '../../../renderer/src/db/repositories/reference';
import { loadHqKeys, publicHqKeys, type HqKeys } from '../../../hq/src/store/hqKeys';
import {
  adminPost,
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
 * A hostile desk: a real enrolled device of the office (its token, its package keys)
 * that sends hand-made ops online and in signed packages. HQ refuses every forged op
 * with a precise reason, and nothing changes at HQ or at the office's other desk.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

type Mode = 'online' | 'package';
const modes: Mode[] = ['online', 'package'];
const cases = hqStorages.flatMap((storage) => modes.map((mode) => ({ storage, mode })));

interface Office {
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

async function setUp(storage: (typeof hqStorages)[number]): Promise<Office> {
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
class Forge {
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
function reasonOf(result: OpResult | undefined): string {
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
async function officeState(office: Office) {
  await sync(office.other);
  const other = await deskOfficeRecords(office.other);
  for (const [key, record] of other) if (record.deleted && record.version === 0) other.delete(key);
  return { hq: await hqOfficeRecords(office.hq.hq, 'office-a'), other };
}

describe.each(cases)('a hostile desk over $storage.kind, $mode', ({ storage, mode }) => {
  it('gets every forged op refused with its reason, and nothing changes anywhere', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const hqCase = (id: string) =>
      office.hq.hq.db
        .selectFrom('records')
        .select(['data', 'version'])
        .where('office_id', '=', 'office-a')
        .where('kind', '=', 'assistanceCase')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const draft = JSON.parse((await hqCase(office.draftId)).data) as Record<string, unknown>;
    const notice = await hqCase(office.noticeId);
    const investigating = await hqCase(office.investigatingId);
    const registrar = { userId: 'user-registrar-f1', name: '登记员f1', role: 'registrar' };
    const supervisor = { userId: 'user-supervisor-f1', name: '主管f1', role: 'supervisor' };
    const newCase = (over: Record<string, unknown>) =>
      forge.op({
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { ...draft, ...over },
      });
    const stepWithEvent = (
      caseId: string,
      baseVersion: number,
      transition: { action: string; from: string; to: string },
      actor: QueueEntry['actor'],
      fields?: Record<string, unknown>,
    ) => forge.step(caseId, baseVersion, transition, actor, { fields, opinion: '同意' });

    const forged: [string, QueueEntry[], string][] = [
      ['a case created as active', [newCase({ status: 'active' })], 'workflow.initial_state'],
      [
        'a case created at county review',
        [newCase({ status: 'county_review' })],
        'workflow.initial_state',
      ],
      [
        'a benefit of 99,999,999 fen that is not S×N−I',
        [newCase({ benefit: { ...(draft.benefit as object), benefitFen: 99_999_999 } })],
        'benefit.mismatch',
      ],
      [
        'a plain update confirming a draft',
        [forge.op({ fields: { status: 'confirmed' } })],
        'workflow.step_field',
      ],
      [
        'a confirm step claiming the county role',
        stepWithEvent(
          office.draftId,
          1,
          { action: 'confirm', from: 'county_review', to: 'confirmed' },
          {
            ...registrar,
            role: 'county',
          },
        ),
        'actor.role_not_held',
      ],
      [
        'a legal step that also rewrites the benefit',
        stepWithEvent(
          office.draftId,
          1,
          { action: 'submit', from: 'draft', to: 'submitted' },
          registrar,
          {
            status: 'submitted',
            benefit: { ...(draft.benefit as object), benefitFen: 99_999_999 },
          },
        ),
        'workflow.step_field',
      ],
      [
        'a hand-made event claiming a county confirmation',
        [
          forge.op({
            kind: 'caseEvent',
            op: 'create',
            recordId: newRecordId(),
            baseVersion: 0,
            fields: {
              caseId: office.draftId,
              action: 'confirm',
              from: 'county_review',
              to: 'confirmed',
              actorId: 'county',
              actorName: '县民政局',
              actorRole: 'county',
              at: '2026-04-15T02:00:00.000Z',
              opinion: '同意',
              reason: '',
            },
          }),
        ],
        'workflow.event_without_step',
      ],
      [
        'a township delegating confirmation to itself',
        [
          forge.op({
            kind: 'officeSettings',
            recordId: 'office-settings',
            fields: { confirmationDelegated: true },
            actor: supervisor,
          }),
        ],
        'delegation.hq_only',
      ],
      [
        'a delegation record written by a desk',
        [
          forge.op({
            kind: 'delegation',
            op: 'create',
            recordId: newRecordId(),
            baseVersion: 0,
            fields: {
              office: 'office-a',
              confirmationDelegated: true,
              effectiveFrom: '2026-01-01',
              note: '',
            },
            actor: supervisor,
          }),
        ],
        'sync.kind_not_writable',
      ],
      [
        'an account pushed with a password hash (a desk-local kind)',
        [
          forge.op({
            kind: 'localUser',
            op: 'create',
            recordId: newRecordId(),
            baseVersion: 0,
            fields: { username: 'evil', role: 'admin' },
          }),
        ],
        'sync.kind_not_writable',
      ],
      [
        'a registrar taking the supervisor’s 初审 step',
        stepWithEvent(
          office.investigatingId,
          investigating.version,
          {
            action: 'record_opinion',
            from: 'investigating',
            to: 'township_opinion',
          },
          registrar,
        ),
        'workflow.role_may_not',
      ],
      [
        'a skipped step (受理 of a draft)',
        stepWithEvent(
          office.draftId,
          1,
          { action: 'accept', from: 'draft', to: 'accepted' },
          registrar,
        ),
        'workflow.not_a_step',
      ],
      [
        'a township confirmation without delegation',
        stepWithEvent(
          office.noticeId,
          notice.version,
          {
            action: 'confirm_at_township',
            from: 'public_notice',
            to: 'confirmed',
          },
          supervisor,
          { status: 'confirmed' },
        ),
        'workflow.not_delegated',
      ],
      [
        'an actor of another office',
        [
          forge.op({
            fields: { deductionsFen: 100 },
            actor: { userId: 'user-registrar-b1', name: 'x', role: 'registrar' },
          }),
        ],
        'actor.unknown',
      ],
      [
        'a registrar creating an account',
        [
          forge.op({
            kind: 'staffMember',
            op: 'create',
            recordId: newRecordId(),
            baseVersion: 0,
            fields: {
              username: 'boss',
              displayName: '新主管',
              role: 'supervisor',
              disabled: false,
              deviceId: office.forger.desk.deviceId,
            },
          }),
        ],
        'actor.role_may_not',
      ],
      [
        'a case deleted',
        [forge.op({ op: 'delete', fields: { deleted: true } })],
        'case.not_deletable',
      ],
      [
        'a create over a person HQ holds',
        [
          forge.op({
            kind: 'person',
            op: 'create',
            recordId: String(draft.applicantPersonId),
            baseVersion: 0,
            fields: { name: '冒名' },
          }),
        ],
        'record.exists',
      ],
      [
        'an edit that deletes',
        [forge.op({ fields: { deductionsFen: 0, deleted: true } })],
        'record.delete_by_edit',
      ],
      [
        'an account that lives on another desk of the office',
        [
          forge.op({
            fields: { deductionsFen: 100 },
            actor: { userId: 'user-registrar-a1', name: '登记员a1', role: 'registrar' },
          }),
        ],
        'actor.other_device',
      ],
      [
        'a step dated before the step before it',
        forge
          .step(office.draftId, 1, { action: 'submit', from: 'draft', to: 'submitted' }, registrar)
          .map((op) => ({ ...op, createdAt: '2026-01-05T02:00:00.000Z' })),
        'workflow.step_before_previous',
      ],
      [
        // The event first (no step yet: refused), then the step (its event is behind it:
        // refused too, as every result of an entry must be).
        'a step whose event was written before it',
        forge
          .step(office.draftId, 1, { action: 'submit', from: 'draft', to: 'submitted' }, registrar)
          .map((op, i, both) => ({ ...op, seq: (both[1 - i] as QueueEntry).seq }))
          .sort((a, b) => a.seq - b.seq),
        'workflow.event_without_step',
      ],
      [
        'a step in the year 0',
        forge
          .step(office.draftId, 1, { action: 'submit', from: 'draft', to: 'submitted' }, registrar)
          .map((op) => ({ ...op, createdAt: '0000-01-01T00:00:00.000Z' })),
        'field.date',
      ],
      [
        'a legal step without its history event',
        [
          forge.op({
            op: 'transition',
            transition: { action: 'submit', from: 'draft', to: 'submitted' },
            fields: { status: 'submitted' },
          }),
        ],
        'workflow.event_missing',
      ],
    ];

    const before = await officeState(office);
    for (const [what, ops, expected] of forged) {
      const results = await forge.send(ops);
      expect(reasonOf(results[0]), what).toBe(expected);
      for (const result of results) expect(result.status, what).toBe('rejected');
    }
    const after = await officeState(office);
    expect(after.hq).toEqual(before.hq);
    expect(after.other).toEqual(before.other);
  });

  it('refuses a step taken twice, a disabled account’s later work and a revoked delegation', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const hqCase = async (id: string) => {
      const row = await office.hq.hq.db
        .selectFrom('records')
        .select(['data', 'version'])
        .where('office_id', '=', 'office-a')
        .where('kind', '=', 'assistanceCase')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        version: Number(row.version),
        data: JSON.parse(row.data) as Record<string, unknown>,
      };
    };
    const registrar = { userId: 'user-registrar-f1', name: '登记员f1', role: 'registrar' };
    const supervisor = { userId: 'user-supervisor-f1', name: '主管f1', role: 'supervisor' };
    const admin = { userId: 'user-admin-f1', name: '管理员f1', role: 'admin' };
    const stepOps = (
      caseId: string,
      baseVersion: number,
      transition: { action: string; from: string; to: string },
      actor: QueueEntry['actor'],
      opinion = '',
    ) => forge.step(caseId, baseVersion, transition, actor, { opinion });

    // A legal step applies (with HQ's own dates), and the same step again is refused.
    const submitted = await forge.send(
      stepOps(office.draftId, 1, { action: 'submit', from: 'draft', to: 'submitted' }, registrar),
    );
    expect(submitted.map((r) => r.status)).toEqual(['applied', 'applied']);
    const again = await forge.send(
      stepOps(office.draftId, 2, { action: 'submit', from: 'draft', to: 'submitted' }, registrar),
    );
    expect(reasonOf(again[0])).toBe('workflow.step_repeated');
    expect((await hqCase(office.draftId)).data.status).toBe('submitted');

    // An account made and then disabled: work it did before counts, work after does not.
    const clerk = newRecordId();
    const [made, disabled] = await forge.send([
      forge.op({
        kind: 'staffMember',
        op: 'create',
        recordId: clerk,
        baseVersion: 0,
        actor: admin,
        fields: {
          username: 'clerk',
          displayName: '临时工',
          role: 'registrar',
          disabled: false,
          deviceId: office.forger.desk.deviceId,
        },
      }),
      forge.op({
        kind: 'staffMember',
        recordId: clerk,
        baseVersion: 1,
        actor: admin,
        fields: { disabled: true },
      }),
    ]);
    expect([made?.status, disabled?.status]).toEqual(['applied', 'applied']);
    const clerkActor = { userId: clerk, name: '临时工', role: 'registrar' };
    const late = await forge.send([
      forge.op({
        kind: 'person',
        op: 'update',
        recordId: (await office.honest.db.persons.toCollection().first())?.id ?? '',
        fields: { phone: '13800000000' },
        actor: clerkActor,
      }),
    ]);
    expect(reasonOf(late[0])).toBe('actor.disabled');

    // Delegation is the county's: on from January, off from April, on again mid-April.
    const notice = await hqCase(office.noticeId);
    const delegate = (confirmationDelegated: boolean, effectiveFrom: string) =>
      adminPost(office.hq.url, '/delegations', {
        office: 'office-a',
        confirmationDelegated,
        effectiveFrom,
        setBy: '县民政局',
      });
    expect((await delegate(true, '2026-01-01')).status).toBe(200);
    expect((await delegate(false, '2026-04-01')).status).toBe(200);
    const confirm = { action: 'confirm_at_township', from: 'public_notice', to: 'confirmed' };
    const revoked = await forge.send(
      stepOps(office.noticeId, notice.version, confirm, supervisor, '符合条件'),
    );
    expect(reasonOf(revoked[0])).toBe('workflow.not_delegated');
    expect((await delegate(true, '2026-04-10')).status).toBe(200);
    const granted = await forge.send(
      stepOps(office.noticeId, notice.version, confirm, supervisor, '符合条件'),
    );
    expect(granted.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await hqCase(office.noticeId)).data.status).toBe('confirmed');
    // The office's desks receive the county's delegations as reference data and judge by them.
    expect(await sync(office.honest)).toMatchObject({ rejected: 0 });
    const pulled = await listDelegations(office.honest.db);
    expect(pulled).toHaveLength(3);
    expect(delegationInForce(pulled, 'office-a', '2026-04-05')).toBe(false);
    expect(delegationInForce(pulled, 'office-a', '2026-04-15')).toBe(true);

    // A desk asking for a delegation through the admin API without the token gets nothing.
    const refused = await postJson(
      `${office.hq.url}/v1/admin/delegations`,
      {
        office: 'office-a',
        confirmationDelegated: true,
        effectiveFrom: '2026-01-01',
        setBy: 'x',
      },
      office.forger.token,
    );
    expect(refused.status).toBe(401);
  });
});
