import type { ChangeRefusalCode } from '@shared/sync/incomingChanges';
import type { ServerChange } from '@shared/sync/protocol';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/**
 * A change from HQ that the desk refused (shared/sync/incomingChanges.ts), kept for
 * people to see and tell the county about. Its page or package applied nothing.
 */
export interface RefusedChangeRow {
  /** `${stream}:${seq}`: HQ's own number for the change, so a page refused again (every
   * round asks for it anew) or the same change in a package is one row. */
  id: string;
  stream: ServerChange['stream'];
  seq: number;
  kind: string;
  /** The record's id as the change gives it ('' when it has none). */
  recordId: string;
  /** The change exactly as it arrived. */
  change: ServerChange;
  code: ChangeRefusalCode;
  params: Record<string, string>;
  /** Online pull, or the return package of this file name. */
  via: { kind: 'pull' } | { kind: 'package'; fileName: string };
  /** First and latest time it was refused, and how often (every round asks for it again). */
  refusedAt: string;
  lastRefusedAt: string;
  times: number;
}

/** Schema version 7: HQ changes the desk refused. Never edited once shipped. */
export const refusedChangeSchemaVersion: SchemaVersion = {
  version: 7,
  stores: { refusedChanges: 'id, refusedAt' },
};

export const refusedChangesTable = (db: DeskDatabase) =>
  db.table<RefusedChangeRow, string>('refusedChanges');
