import { syncOnce, type SyncOptions, type SyncReport } from '@shared/sync/engine';
import type { EnrollResponse } from '@shared/sync/protocol';
import type { SyncTransport } from '@shared/sync/ports';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { recordMetaKeys } from '@shared/records/envelope';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase, recordTable } from '../../renderer/src/db/database';
import { seedSampleReferenceData } from '../../renderer/src/db/repositories/reference';
import { createSettingsIn, ensureDeviceId } from '../../renderer/src/db/repositories/settings';
import type { WriteContext } from '../../renderer/src/db/writeContext';
import { write } from '../../renderer/src/db/writePath';
import { DexieSyncStore } from '../../renderer/src/sync/dexieSyncStore';
import { pinHqKeys } from '../../renderer/src/sync/packages/deviceKeys';
import type { ComparableRecord, RunningHq } from './hqHarness';
import { enrollDesk, hqOfficeRecords, httpTransport } from './hqHarness';

/** A test desk's accounts are named as its actors: 登记员a1, 主管a1, 管理员a1. */
const roleNames: Record<string, string> = {
  registrar: '登记员',
  supervisor: '主管',
  admin: '管理员',
};

/**
 * A desk of a given office, as its first run leaves it (office settings written through
 * the write path, sample reference data), on fake-indexeddb, with a clock the test moves:
 * every write sees time advance by a second, and `advanceDays` jumps ahead (a 公示 that
 * has to run its course).
 */
export interface SyncDesk {
  name: string;
  officeId: string;
  deviceId: string;
  db: DeskDatabase;
  ctx: WriteContext;
  as: (role: WriteContext['actor']['role'], name?: string) => WriteContext;
  store: DexieSyncStore;
  advanceDays: (days: number) => void;
  token: string | null;
  /** Set by `enroll`: the desk's transport to HQ (baseUrl can be switched). */
  transport: SyncTransport | null;
  baseUrl: string;
}

export async function openOfficeDesk(
  officeId: string,
  name: string,
  start = new Date('2026-03-02T09:00:00+08:00'),
): Promise<SyncDesk> {
  const db = new DeskDatabase(`hq-test-${name}-${newRecordId()}`);
  await db.open();
  const deviceId = await ensureDeviceId(db);
  let clock = start.getTime();
  const ctx: WriteContext = {
    actor: { userId: `user-registrar-${name}`, name: `登记员${name}`, role: 'registrar' },
    officeId,
    deviceId,
    now: () => new Date((clock += 1000)),
  };
  // As a first run leaves it: the administrator's own account, then the accounts the
  // test acts as (HQ checks every op's actor against them) and the office settings.
  const admin = { userId: `user-admin-${name}`, name: `管理员${name}`, role: 'admin' as const };
  await write(db, { ...ctx, actor: admin }, async (w) => {
    for (const role of ['admin', 'registrar', 'supervisor'] as const) {
      await w.create(
        'staffMember',
        {
          username: `${role}-${name}`,
          // The name the desk's login gives its actor (users.ts: actor.name = displayName).
          displayName: `${roleNames[role]}${name}`,
          roles: [role],
          disabled: false,
          deviceId,
        },
        `user-${role}-${name}`,
      );
    }
    await createSettingsIn(w, {
      ...defaultOfficeSettings,
      officeName: `${officeId} 民政办`,
      areaCode: '330102',
    });
  });
  await seedSampleReferenceData(db, ctx, '330102');
  return {
    name,
    officeId,
    deviceId,
    db,
    ctx,
    as: (role, actorName = `${roleNames[role]}${name}`) => ({
      ...ctx,
      actor: { userId: `user-${role}-${name}`, name: actorName, role },
    }),
    // The store reads the desk's clock too (without moving it): pulled clocks merge with it.
    store: new DexieSyncStore(db, () => new Date(clock)),
    advanceDays: (days) => {
      clock += days * 86_400_000;
    },
    token: null,
    transport: null,
    baseUrl: '',
  };
}

/** Enrolls the desk at HQ under its own device id and gives it a transport there. */
export async function enroll(desk: SyncDesk, hq: Pick<RunningHq, 'url' | 'hq'>): Promise<void> {
  const credential = await enrollDesk(hq, desk.officeId, desk.deviceId, `desk ${desk.name}`);
  await connect(desk, credential, hq.url);
}

/**
 * Gives the desk its credential and a transport to HQ at `url` (switch with
 * desk.baseUrl), and pins HQ's keys from the enrollment answer, as the app's
 * enrollment does: pulled pages are checked against them.
 */
export async function connect(
  desk: SyncDesk,
  credential: Pick<EnrollResponse, 'token' | 'hqKeys'>,
  url: string,
): Promise<void> {
  await pinHqKeys(desk.db, credential.hqKeys);
  desk.token = credential.token;
  desk.baseUrl = url;
  desk.transport = httpTransport(() => desk.baseUrl, credential.token);
}

/** One sync round of the real engine over the desk's store and transport. */
export async function sync(
  desk: SyncDesk,
  options: SyncOptions & { transport?: SyncTransport } = {},
): Promise<SyncReport> {
  const transport = options.transport ?? desk.transport;
  if (!transport) throw new Error(`desk ${desk.name} is not enrolled`);
  return syncOnce(desk.store, transport, options);
}

/** Syncs until the queue is empty, at most `rounds` times (a bounded loop). */
export async function syncUntilDrained(desk: SyncDesk, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await sync(desk);
    if ((await desk.db.queue.count()) === 0) return;
  }
  throw new Error(`desk ${desk.name}: queue not drained after ${rounds} rounds`);
}

const metaKeys = new Set<string>(recordMetaKeys);

export const officeKinds = (Object.keys(kindDefinitions) as RecordKind[]).filter(
  (kind) => kindDefinitions[kind].scope === 'office',
);

/** Every office-scope record the desk holds, keyed `kind:id`, in HQ's terms. */
export async function deskOfficeRecords(desk: SyncDesk): Promise<Map<string, ComparableRecord>> {
  const records = new Map<string, ComparableRecord>();
  for (const kind of officeKinds) {
    for (const row of (await recordTable(desk.db, kind).toArray()) as Record<string, unknown>[]) {
      const data = Object.fromEntries(Object.entries(row).filter(([key]) => !metaKeys.has(key)));
      const id = String(row.id);
      records.set(`${kind}:${id}`, {
        kind,
        id,
        version: Number(row.version),
        deleted: row.deleted === true,
        data,
      });
    }
  }
  return records;
}

/**
 * Where a desk's records differ from HQ's (id, version, tombstone, data fields), one
 * short line each; empty when they are the same records.
 */
export function recordDifferences(
  hq: Map<string, ComparableRecord>,
  desk: Map<string, ComparableRecord>,
): string[] {
  const lines: string[] = [];
  for (const [key, expected] of hq) {
    const actual = desk.get(key);
    if (!actual) {
      lines.push(`${key}: at HQ (v${expected.version}), missing at the desk`);
      continue;
    }
    if (actual.version !== expected.version)
      lines.push(`${key}: version HQ ${expected.version}, desk ${actual.version}`);
    if (actual.deleted !== expected.deleted)
      lines.push(`${key}: deleted HQ ${expected.deleted}, desk ${actual.deleted}`);
    for (const field of new Set([...Object.keys(expected.data), ...Object.keys(actual.data)])) {
      const [h, d] = [JSON.stringify(expected.data[field]), JSON.stringify(actual.data[field])];
      if (h !== d) lines.push(`${key}.${field}: HQ ${h}, desk ${d}`);
    }
  }
  for (const [key, actual] of desk) {
    if (!hq.has(key)) lines.push(`${key}: at the desk (v${actual.version}), missing at HQ`);
  }
  return lines;
}

/** How the desk's office records differ from HQ's (empty when the desk caught up). */
export async function differencesFromHq(
  hq: Pick<RunningHq, 'hq'>,
  desk: SyncDesk,
): Promise<string[]> {
  return recordDifferences(
    await hqOfficeRecords(hq.hq, desk.officeId),
    await deskOfficeRecords(desk),
  );
}
