import { hqRoutes } from '@shared/sync/httpApi';
import { enrollResponseSchema, type EnrollResponse } from '@shared/sync/protocol';
import { addOffice, createEnrollmentCode } from '../../hq/src/store/offices';
import { enrollWithKeys } from '../../renderer/src/sync/packages/enrollWithKeys';
import { postJson, type RunningHq } from './hqHarness';
import { connect, type SyncDesk } from './syncDesks';

/**
 * Enrolls a desk the way the app does for sync packages: its own package keys go to
 * HQ with the one-time code and HQ's keys come back pinned (enrollWithKeys), over the
 * real HTTP route. The desk also gets its online transport, so tests can mix both paths.
 */
export async function enrollWithPackageKeys(
  desk: SyncDesk,
  hq: Pick<RunningHq, 'url' | 'hq'>,
): Promise<void> {
  const known = await hq.hq.db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', desk.officeId)
    .executeTakeFirst();
  if (!known) {
    await addOffice(hq.hq.db, { id: desk.officeId, name: `${desk.officeId} 民政办` }, new Date());
  }
  const code = await createEnrollmentCode(hq.hq.db, desk.officeId, new Date());
  const answered: { credential?: EnrollResponse } = {};
  await enrollWithKeys(
    desk.db,
    {
      enroll: async (input) => {
        const { hqUrl: _url, ...body } = input;
        const { status, body: answer } = await postJson(`${hq.url}${hqRoutes.enroll}`, body);
        if (status !== 200) throw new Error(`enroll failed: ${status} ${JSON.stringify(answer)}`);
        answered.credential = enrollResponseSchema.parse(answer);
        const { token: _secret, ...enrolled } = answered.credential;
        return enrolled;
      },
    },
    {
      hqUrl: hq.url,
      code,
      officeId: desk.officeId,
      deviceId: desk.deviceId,
      deviceName: `desk ${desk.name}`,
    },
  );
  if (!answered.credential) throw new Error('not enrolled');
  await connect(desk, answered.credential, hq.url);
}
