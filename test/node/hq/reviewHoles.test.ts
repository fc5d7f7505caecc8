import { afterEach, describe, expect, it } from 'vitest';
import { hqStorages } from '../../support/hqHarness';
import {
  Forge,
  forgerActors,
  reasonOf,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * A hostile desk's ops on the paths issue #12 opened, pushed straight to the real HQ:
 * a 'transition' op on a kind that has no workflow (to dodge the correction's reason),
 * a delete of a record that keeps revisions (an erasure no history explains), a reason
 * of any length, and the desk's last administrator demoted, disabled or deleted.
 */

afterEach(stopHostileOffice);

async function hqRecord(office: Office, kind: string, id: string) {
  const row = await office.hq.hq.db
    .selectFrom('records')
    .select(['data', 'version', 'deleted'])
    .where('office_id', '=', 'office-a')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    version: Number(row.version),
    deleted: Boolean(row.deleted),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

async function conflictCount(office: Office) {
  const rows = await office.hq.hq.db
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', 'office-a')
    .where('kind', '=', 'syncConflict')
    .execute();
  return rows.length;
}

describe.each(hqStorages)('hostile corrections at HQ over $kind', (storage) => {
  it('refuses a transition op on a kind with no workflow, and leaves no conflict', async () => {
    const office = await setUp(storage);
    const person = await office.honest.db.persons.toCollection().first();
    if (!person) throw new Error('the office has persons');
    const before = await hqRecord(office, 'person', person.id);
    const conflicts = await conflictCount(office);
    const forge = new Forge(office, 'online');
    await forge.start();
    const results = await forge.send([
      // No status to start from: HQ would record a "conflict" of a step that is none.
      forge.op({
        kind: 'person',
        recordId: person.id,
        op: 'transition',
        transition: { action: 'rename', from: 'x', to: 'y' },
        fields: { name: '偷改名' },
        baseVersion: before.version,
      }),
      // A status the record has: the fields would merge with no reason and no check.
      forge.op({
        kind: 'person',
        recordId: person.id,
        op: 'transition',
        transition: { action: 'rename', from: 'undefined', to: 'y' },
        fields: { name: '偷改名' },
        baseVersion: before.version,
      }),
    ]);
    expect(results.map(reasonOf)).toEqual(['workflow.not_a_step', 'workflow.not_a_step']);
    expect((await hqRecord(office, 'person', person.id)).data.name).toBe(person.name);
    expect(await conflictCount(office)).toBe(conflicts);
  });

  it('never deletes a record that keeps revisions', async () => {
    const office = await setUp(storage);
    const person = await office.honest.db.persons.toCollection().first();
    const household = await office.honest.db.households.toCollection().first();
    if (!person || !household) throw new Error('the office has persons');
    const forge = new Forge(office, 'online');
    await forge.start();
    const results = await forge.send([
      forge.op({
        kind: 'person',
        recordId: person.id,
        op: 'delete',
        baseVersion: (await hqRecord(office, 'person', person.id)).version,
        reason: '删除',
      }),
      forge.op({
        kind: 'household',
        recordId: household.id,
        op: 'delete',
        baseVersion: (await hqRecord(office, 'household', household.id)).version,
      }),
    ]);
    expect(results.map(reasonOf)).toEqual(['record.not_deletable', 'record.not_deletable']);
    expect((await hqRecord(office, 'person', person.id)).deleted).toBe(false);
    expect((await hqRecord(office, 'household', household.id)).deleted).toBe(false);
    await office.other.db.persons.get(person.id);
    expect((await office.other.db.persons.get(person.id))?.deleted).toBe(false);
  });

  it('bounds the reason of a correction to 500 characters', async () => {
    const office = await setUp(storage);
    const person = await office.honest.db.persons.toCollection().first();
    if (!person) throw new Error('the office has persons');
    const forge = new Forge(office, 'online');
    await forge.start();
    const version = (await hqRecord(office, 'person', person.id)).version;
    const rename = (reason: string) =>
      forge.op({
        kind: 'person',
        recordId: person.id,
        fields: { name: '新名' },
        reason,
        baseVersion: version,
      });
    const [long] = await forge.send([rename('错'.repeat(501))]);
    expect(reasonOf(long)).toBe('record.correction_reason_too_long');
    expect((await hqRecord(office, 'person', person.id)).data.name).toBe(person.name);
    const [caseLong] = await forge.send([
      forge.op({
        recordId: office.draftId,
        fields: { deductionsFen: 0 },
        reason: ` ${'错'.repeat(600)} `,
        baseVersion: (await hqRecord(office, 'assistanceCase', office.draftId)).version,
      }),
    ]);
    expect(reasonOf(caseLong)).toBe('record.correction_reason_too_long');
    const [fits] = await forge.send([rename('错'.repeat(500))]);
    expect(reasonOf(fits)).toBe('applied');
  });

  it("keeps the desk's last administrator, and leaves other desks' accounts alone", async () => {
    const office = await setUp(storage);
    const admin = forgerActors.admin;
    const staff = await hqRecord(office, 'staffMember', admin.userId);
    const forge = new Forge(office, 'online');
    await forge.start();
    const results = await forge.send([
      forge.op({
        kind: 'staffMember',
        recordId: admin.userId,
        fields: { roles: ['registrar'] },
        baseVersion: staff.version,
        actor: admin,
      }),
      forge.op({
        kind: 'staffMember',
        recordId: admin.userId,
        fields: { disabled: true },
        baseVersion: staff.version,
        actor: admin,
      }),
      forge.op({
        kind: 'staffMember',
        recordId: admin.userId,
        op: 'delete',
        baseVersion: staff.version,
        actor: admin,
      }),
    ]);
    expect(results.map(reasonOf)).toEqual([
      'user.last_admin',
      'user.last_admin',
      'user.last_admin',
    ]);
    const after = await hqRecord(office, 'staffMember', admin.userId);
    expect(after.data).toMatchObject({ roles: ['admin'], disabled: false });
    expect(after.deleted).toBe(false);
    // With a second administrator on the desk, the first may step down.
    const [second, demoted] = await forge.send([
      forge.op({
        kind: 'staffMember',
        op: 'create',
        recordId: 'user-admin2-f1',
        baseVersion: 0,
        actor: admin,
        fields: {
          username: 'admin2-f1',
          displayName: '管理员二',
          roles: ['admin'],
          disabled: false,
          deviceId: office.forger.desk.deviceId,
        },
      }),
      forge.op({
        kind: 'staffMember',
        recordId: admin.userId,
        fields: { roles: ['admin', 'registrar'] },
        baseVersion: staff.version,
        actor: admin,
      }),
    ]);
    expect([second, demoted].map(reasonOf)).toEqual(['applied', 'applied']);
    // Another desk's account is changed only on that desk: not disabled from this one.
    const theirs = await hqRecord(office, 'staffMember', 'user-registrar-a1');
    const [disabled] = await forge.send([
      forge.op({
        kind: 'staffMember',
        recordId: 'user-registrar-a1',
        fields: { disabled: true },
        baseVersion: theirs.version,
        actor: admin,
      }),
    ]);
    expect(reasonOf(disabled)).toBe('actor.other_device');
    expect((await hqRecord(office, 'staffMember', 'user-registrar-a1')).data.disabled).toBe(false);
  });
});
