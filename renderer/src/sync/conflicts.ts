/**
 * The office's 待处理冲突: what HQ recorded when two people changed the same field (or a
 * workflow step arrived late), and a person's choice between the two values. The
 * choice is a normal change through the one write path: the record's field and the
 * conflict's resolution are written in ONE transaction and both are queued for HQ.
 */
import { localRoles } from '@shared/domain/roles';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import { AppError } from '@shared/errors/appError';
import type { StoredRecord } from '@shared/records/envelope';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { recordTable, type DeskDatabase } from '../db/database';
import { requireRole } from '../db/permissions';
import type { WriteContext } from '../db/writeContext';
import { write } from '../db/writePath';

export type StoredConflict = StoredRecord<SyncConflictData>;

export interface ConflictView {
  conflict: StoredConflict;
  /** The record as this desk holds it now; null when it is gone or of an unknown kind. */
  record: Record<string, unknown> | null;
}

export type ConflictChoice = 'kept' | 'other';

export function isRecordKind(kind: string): kind is RecordKind {
  return Object.hasOwn(kindDefinitions, kind);
}

export async function openConflictCount(db: DeskDatabase): Promise<number> {
  return db.syncConflicts
    .where('status')
    .equals('open')
    .filter((c) => !c.deleted)
    .count();
}

/** Open conflicts, oldest first, each with the record it is about. */
export async function openConflicts(db: DeskDatabase): Promise<ConflictView[]> {
  const conflicts = await db.syncConflicts
    .where('status')
    .equals('open')
    .filter((c) => !c.deleted)
    .toArray();
  conflicts.sort((a, b) => a.hlc.localeCompare(b.hlc));
  return Promise.all(
    conflicts.map(async (conflict) => {
      const record = isRecordKind(conflict.recordKind)
        ? await recordTable(db, conflict.recordKind).get(conflict.recordId)
        : undefined;
      return {
        conflict,
        record: record && !record.deleted ? (record as Record<string, unknown>) : null,
      };
    }),
  );
}

/**
 * Writes the chosen value into the record's field and marks the conflict resolved, in
 * one transaction. A late workflow step ('transition') is never resolved by writing the
 * status field: the person acknowledges the case's current status ('kept') and, if the
 * step is still wanted, takes it again on the case. When the record already holds the
 * chosen value, only the resolution is queued (the write path queues changes only).
 * `reason` is the translated note kept with the change (and required by kinds that
 * keep revisions).
 */
export async function resolveConflict(
  db: DeskDatabase,
  ctx: WriteContext,
  conflictId: string,
  choice: ConflictChoice,
  reason: string,
): Promise<StoredConflict> {
  requireRole(ctx, localRoles, 'resolve sync conflicts');
  return write(db, ctx, async (w) => {
    const conflict = await w.get('syncConflict', conflictId);
    if (!conflict || conflict.deleted) {
      throw new AppError({ code: 'not_found', message: `No conflict ${conflictId}.` });
    }
    if (conflict.status !== 'open') {
      throw new AppError({
        code: 'conflict',
        message: 'The conflict was already resolved.',
        details: { updatedBy: conflict.updatedBy },
      });
    }
    if (conflict.type === 'transition') {
      if (choice !== 'kept') {
        throw new AppError({
          code: 'invalid_transition',
          message: 'A late workflow step is taken again on the case, not written as a field.',
        });
      }
    } else {
      if (!isRecordKind(conflict.recordKind)) {
        throw new AppError({ code: 'not_found', message: `Unknown kind ${conflict.recordKind}.` });
      }
      const kind = conflict.recordKind;
      const record = await w.get(kind, conflict.recordId);
      if (!record || record.deleted) {
        throw new AppError({ code: 'not_found', message: `No ${kind} ${conflict.recordId}.` });
      }
      const chosen = choice === 'kept' ? conflict.keptValue : conflict.otherValue;
      // An absent side (conflicts HQ made before its merge fix, over an optional field's
      // first value) is written as null: undefined would clear the field here only, since
      // it does not travel to HQ (JSON drops it). A field that cannot be null is refused.
      const value = chosen === undefined ? null : chosen;
      await w.update(
        kind,
        conflict.recordId,
        record.version,
        { [conflict.field]: value } as never,
        {
          reason,
        },
      );
    }
    return w.update('syncConflict', conflictId, conflict.version, {
      status: 'resolved',
      resolution: choice,
    });
  });
}
