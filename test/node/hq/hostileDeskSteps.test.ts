import { afterEach, describe, expect, it } from 'vitest';
import { delegationInForce } from '@shared/domain/delegation';
import { newRecordId } from '@shared/records/ids';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { listDelegations } from '../../../renderer/src/db/repositories/reference';
import { adminPost, postJson } from '../../support/hqHarness';
import { sync } from '../../support/syncDesks';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  reasonOf,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * A hostile desk over time: a step taken twice, an account's work after it was disabled,
 * a township confirmation after the county took delegation back — refused, while the
 * honest versions apply and the office's desks receive the county's delegations.
 */

afterEach(stopHostileOffice);

describe.each(cases)('a hostile desk over time, $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a step taken twice, a disabled account’s later work and a revoked delegation', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const { registrar, supervisor, admin } = forgerActors;
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
    expect((await hqCase(office, office.draftId)).data.status).toBe('submitted');

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
        reason: '补登电话',
        actor: clerkActor,
      }),
    ]);
    expect(reasonOf(late[0])).toBe('actor.disabled');

    // Delegation is the county's: on from January, off from April, on again mid-April.
    const notice = await hqCase(office, office.noticeId);
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
    expect((await hqCase(office, office.noticeId)).data.status).toBe('confirmed');
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
