import { formatHlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { appendChanges, lockStream } from '../../hq/src/store/changeLog';
import { officeStream } from '../../hq/src/store/offices';
import type { RunningHq } from './hqHarness';
import { createPersons } from './officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from './syncDesks';

/**
 * A hostile (or broken) HQ made from the real one: changes written straight into its
 * change log, past every check HQ's own write paths make. The real server then serves
 * them in its pull pages and its packages like any other change.
 */
export async function slipIntoStream(
  hq: Pick<RunningHq, 'hq'>,
  stream: { office: string } | 'reference',
  changes: { kind: string; record: Record<string, unknown> }[],
): Promise<void> {
  const id = stream === 'reference' ? 'reference' : officeStream(stream.office);
  await hq.hq.db.transaction().execute(async (trx) => {
    await lockStream(trx, id);
    await appendChanges(
      trx,
      id,
      changes.map(({ kind, record }) => ({
        kind,
        recordId: String(record.id),
        snapshot: record,
        opId: null,
      })),
      new Date(),
    );
  });
}

let counter = 0;

/** A record with a well-formed envelope as HQ stamps one, owned by `officeId`. */
export function stamped(officeId: string, data: object): Record<string, unknown> {
  counter += 1;
  const at = new Date();
  return {
    ...data,
    id: newRecordId(),
    officeId,
    version: 1,
    hlc: formatHlc({ wallMs: at.getTime(), counter, node: 'hq' }),
    createdAt: at.toISOString(),
    createdBy: 'hq',
    updatedAt: at.toISOString(),
    updatedBy: 'hq',
    deleted: false,
  };
}

/**
 * Two desks of `office` at the running HQ: A caught up, then B registers two persons,
 * which wait for A in HQ's stream (the news a hostile change is slipped in beside).
 */
export async function officeWithNews(
  hq: RunningHq,
  office: string,
): Promise<{ desk: SyncDesk; colleague: SyncDesk }> {
  const desk = await openOfficeDesk(office, 'A');
  const colleague = await openOfficeDesk(office, 'B', new Date('2026-03-02T10:00:00+08:00'));
  await enroll(desk, hq);
  await enroll(colleague, hq);
  await sync(desk);
  await createPersons(colleague, 2);
  await sync(colleague);
  return { desk, colleague };
}
