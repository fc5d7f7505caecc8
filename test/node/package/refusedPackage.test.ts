import { afterEach, describe, expect, it } from 'vitest';
import { toAppErrorData } from '@shared/errors/appError';
import { refusalOf } from '@shared/package/refusals';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { authenticate, prepareUser } from '../../../renderer/src/db/repositories/users';
import { translate } from '../../../renderer/src/i18n/translate';
import { packageErrorText } from '../../../renderer/src/screens/sync/packageText';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage, previewPackage } from '../../../renderer/src/sync/packages/importPackage';
import { listPackageHistory } from '../../../renderer/src/sync/packages/packageHistory';
import { blockingRefusedCount, refusedChanges } from '../../../renderer/src/sync/refusedChanges';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { slipIntoStream, stamped } from '../../support/hostileHq';
import { createPersons } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * A return package from a hostile HQ: the real HQ answers the desk's package, but its
 * change log carries an account slipped into the office's stream. The desk refuses the
 * whole package, as it refuses such a pull page: HQ's answers are not acknowledged,
 * nothing is stored, the cursor and package history stay, and the refusal is kept.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const office = 'office-east';

async function snapshot(desk: SyncDesk) {
  return {
    queue: await desk.db.queue.count(),
    persons: await desk.db.persons.count(),
    users: await desk.db.users.count(),
    cursor: await desk.store.cursor(),
    history: (await listPackageHistory(desk.db)).map((p) => p.direction),
  };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { code: refusalOf(error), error };
  }
  return { code: 'applied', error: null };
}

describe('a return package carrying a local kind', () => {
  it('is refused whole, at preview and at import, and the refusal is kept', async () => {
    hq = await startHq();
    const desk = await openOfficeDesk(office, 'A');
    await enrollWithPackageKeys(desk, hq);
    await sync(desk);
    const supervisor = desk.as('supervisor');
    await createPersons(desk, 2); // offline work, carried by package
    const exported = await exportPackage(desk.db, supervisor);

    const intruder = await prepareUser({
      username: 'intruder',
      displayName: '县局管理员',
      roles: ['admin'],
      password: 'let-me-in-01',
    });
    await slipIntoStream(hq, { office }, [
      { kind: 'localUser', record: stamped(office, intruder) },
    ]);
    const answer = await importDevicePackage(
      hq.hq.db,
      await loadHqKeys(hq.hq),
      exported.bytes,
      new Date(),
    );
    const bytes = answer.returnPackage.bytes;
    const before = await snapshot(desk);
    expect(before.queue).toBe(2);
    expect(before.history).toEqual(['exported']);

    const previewed = await refusal(previewPackage(desk.db, supervisor, bytes));
    expect(previewed.code).toBe('package.refused_changes');
    const imported = await refusal(importPackage(desk.db, supervisor, bytes));
    expect(imported.code).toBe('package.refused_changes');
    expect(await snapshot(desk)).toEqual(before);
    expect(await authenticate(desk.db, 'intruder', 'let-me-in-01')).toBeNull();

    const listed = await refusedChanges(desk.db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      kind: 'localUser',
      code: 'sync.change.local_kind',
      via: { kind: 'package', fileName: expect.stringMatching(/^民政同步包_office-east_下发_/) },
      blocking: true,
      times: 2, // the preview and the import
    });
    expect(await blockingRefusedCount(desk.db)).toBe(1);
    const data = toAppErrorData(imported.error);
    expect(packageErrorText((key, params) => translate('zh-CN', key, params), data)).toBe(
      '同步包中有 1 条县局变更不符合本机的接收规则，整个同步包未导入。详情见“待处理冲突”页的“本机拒收的县局变更”，请告知县局。',
    );
  });
});
