import type { Kysely, Transaction } from 'kysely';
import type { DeskReport } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';

type Db = Kysely<HqTables> | Transaction<HqTables>;

export type ContactVia = 'push' | 'pull' | 'package';

/** A contact within this long of the one on record is not written again (a round's pages). */
const contactGrainMs = 60_000;

/**
 * Notes that HQ heard from a desk (docs/sync.md, "The desk's report"): when and how,
 * and what the desk reported of itself if it did. The report is kept for the county
 * console to show and for nothing else. Without a report, a contact within a minute of
 * the last one writes nothing, so a round of many pull pages costs one write.
 */
export async function recordDeskContact(
  db: Db,
  deviceId: string,
  via: ContactVia,
  at: Date,
  report?: DeskReport,
): Promise<void> {
  const when = at.toISOString();
  let update = db
    .updateTable('devices')
    .set({
      last_contact_at: when,
      last_contact_via: via,
      ...(report
        ? {
            reported_at: when,
            reported_queued: report.queued,
            reported_conflicts: report.conflicts,
          }
        : {}),
    })
    .where('id', '=', deviceId);
  if (!report) {
    const stale = new Date(at.getTime() - contactGrainMs).toISOString();
    update = update.where((eb) =>
      eb.or([
        eb('last_contact_at', 'is', null),
        eb('last_contact_at', '<', stale),
        eb('last_contact_via', '<>', via),
      ]),
    );
  }
  await update.execute();
}
