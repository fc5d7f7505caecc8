import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import type { QueueEntry } from '@shared/sync/queueEntry';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  officeState,
  reasonOf,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * Every forged op a hostile desk of the office can send, online and in a signed package,
 * on SQLite and PostgreSQL: HQ refuses each with its own reason (the field error's
 * code), and nothing changes at HQ or at the office's other desk. The setup and the
 * forger: hostileDeskKit.ts; steps over time and delegation: hostileDeskSteps.test.ts.
 */

afterEach(stopHostileOffice);

describe.each(cases)('a hostile desk over $storage.kind, $mode', ({ storage, mode }) => {
  it('gets every forged op refused with its reason, and nothing changes anywhere', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const draft = (await hqCase(office, office.draftId)).data;
    const notice = await hqCase(office, office.noticeId);
    const investigating = await hqCase(office, office.investigatingId);
    const { registrar, supervisor } = forgerActors;
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
});
