import { residentIdCheckChar } from '@shared/identity/residentId';
import { defaultOfficeSettings, type OfficeSettings } from '@shared/domain/settings';
import type { PersonInput } from '@shared/domain/person';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../renderer/src/db/database';
import { createSettingsIn, ensureDeviceId } from '../../renderer/src/db/repositories/settings';
import { write } from '../../renderer/src/db/writePath';
import type { NewHouseholdInput } from '../../renderer/src/db/repositories/households';
import type { WriteContext } from '../../renderer/src/db/writeContext';

/** A valid resident ID for a birth date and sequence (odd = male), with its check char. */
export function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

export const testOfficeId = 'office-chengguan';

export const testSettings: OfficeSettings = {
  ...defaultOfficeSettings,
  officeName: '城关镇民政办',
  areaCode: '330102',
};

/** A fresh database on fake-indexeddb (a real IndexedDB engine) with office settings. */
export async function openTestDesk(now = new Date('2026-03-02T09:00:00+08:00')) {
  const db = new DeskDatabase(`test-${newRecordId()}`);
  await db.open();
  const deviceId = await ensureDeviceId(db);
  let clock = now.getTime();
  const ctx: WriteContext = {
    actor: { userId: 'user-registrar', name: '王登记', role: 'registrar' },
    officeId: testOfficeId,
    deviceId,
    // Each write sees time move on by a second, like a registrar typing.
    now: () => new Date((clock += 1000)),
  };
  // The office's settings record: the first queued change of every desk (seq 1).
  // As a first run leaves a desk: written by the office's administrator, its own account
  // first, then the accounts the tests act as (HQ checks every op's actor against them).
  const admin = { userId: 'user-admin', name: '管理员', role: 'admin' as const };
  await write(db, { ...ctx, actor: admin }, async (w) => {
    for (const role of ['admin', 'registrar', 'supervisor'] as const) {
      const staff = { username: role, displayName: role, roles: [role], disabled: false, deviceId };
      await w.create('staffMember', staff, `user-${role}`);
    }
    await createSettingsIn(w, testSettings);
  });
  const as = (role: WriteContext['actor']['role'], name = '李主管'): WriteContext => ({
    ...ctx,
    actor: { userId: `user-${role}`, name, role },
  });
  return { db, ctx, as };
}

export function personInput(
  overrides: Partial<PersonInput> = {},
): Omit<PersonInput, 'householdId'> {
  return {
    name: '张三丰',
    idType: 'resident',
    idNumber: residentId('330102', '1960-05-04', '013'),
    sex: 'male',
    birthDate: '1960-05-04',
    phone: '',
    hukouType: 'urban',
    hukouAddress: '城关镇解放路1号',
    currentAddress: '城关镇解放路1号',
    disabilityGrade: 0,
    disabilityType: null,
    disabilityCertNo: '',
    seriousIllness: false,
    illnessNote: '',
    workCapacity: 'partial',
    student: false,
    ...overrides,
  };
}

/** 张三丰's household: head, spouse and a school-age child, all with valid IDs. */
export function threeMemberHousehold(hukouType: 'urban' | 'rural'): NewHouseholdInput {
  return {
    areaCode: '330102',
    hukouType,
    villageName: hukouType === 'urban' ? '解放社区' : '东村',
    address: hukouType === 'urban' ? '城关镇解放路1号' : '东村3组',
    members: [
      { relation: 'self', person: personInput() },
      {
        relation: 'spouse',
        person: personInput({
          name: '李秀英',
          idNumber: residentId('330102', '1962-08-15', '024'),
          sex: 'female',
          birthDate: '1962-08-15',
        }),
      },
      {
        relation: 'child',
        person: personInput({
          name: '张小明',
          idNumber: residentId('330102', '2012-03-09', '031'),
          birthDate: '2012-03-09',
          student: true,
          workCapacity: 'none',
        }),
      },
    ],
  };
}

/** The setup's own queue entries: the accounts and the office settings. */
export const setupOps = 4;

/** Queue entries after the setup's own entries (accounts, settings). */
export async function queuedAfterSetup(db: DeskDatabase) {
  return (await db.queue.orderBy('seq').toArray()).filter(
    (e) => e.kind !== 'officeSettings' && e.kind !== 'staffMember',
  );
}
