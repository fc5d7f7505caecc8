import type {
  ServiceRecordData,
  ServiceRecordInput,
  ServiceType,
} from '@shared/domain/community/serviceRecord';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { serviceRecordsTable } from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type ServiceRecord = StoredRecord<ServiceRecordData>;

/** Records a community service; the write path derives its duration and index keys. */
export async function recordService(
  db: DeskDatabase,
  ctx: WriteContext,
  input: ServiceRecordInput,
): Promise<ServiceRecord> {
  return write(db, ctx, (w) => w.create('communityService', input));
}

/**
 * Corrects a service record: a new version with its reason; the write path keeps the
 * superseded one in `revisions` and refuses a missing reason or a stale base version.
 */
export async function correctService(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: ServiceRecordInput,
  reason: string,
): Promise<ServiceRecord> {
  return write(db, ctx, (w) =>
    w.update('communityService', id, baseVersion, input as Partial<ServiceRecordData>, { reason }),
  );
}

export async function getService(db: DeskDatabase, id: string): Promise<ServiceRecord | undefined> {
  const record = await serviceRecordsTable(db).get(id);
  return record && !record.deleted ? record : undefined;
}

export interface ServiceFilter {
  type?: ServiceType;
  /** Inclusive calendar days. */
  from?: string;
  to?: string;
}

/** The service ledger, newest first, read by the start-time index within the period. */
export async function listServices(
  db: DeskDatabase,
  filter: ServiceFilter,
  limit = 200,
  offset = 0,
): Promise<ServiceRecord[]> {
  // 'T' sorts after every digit of a date, so "YYYY-MM-DDT~" closes the last day.
  const lower = filter.from ?? '0000-01-01';
  const upper = `${filter.to ?? '9999-12-31'}T~`;
  return serviceRecordsTable(db)
    .where('startAt')
    .between(lower, upper, true, true)
    .reverse()
    .filter((r) => !r.deleted && (!filter.type || r.type === filter.type))
    .offset(offset)
    .limit(limit)
    .toArray();
}

/** Every service a registered person received, newest first. */
export async function servicesOfPerson(db: DeskDatabase, personId: string) {
  const records = await serviceRecordsTable(db).where('servedPersonIds').equals(personId).toArray();
  return records.filter((r) => !r.deleted).sort((a, b) => b.startAt.localeCompare(a.startAt));
}
