import type { ServerChange } from '@shared/sync/protocol';
import { toAppErrorData } from '@shared/errors/appError';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { movementLog, syncStays } from './staysSync';

/** The residents whose movements a pulled page brought. */
export function residentsMoved(changes: readonly ServerChange[]): string[] {
  const ids = changes
    .filter((c) => c.kind === 'elderlyMovement')
    .map((c) => c.record.residentId)
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

/**
 * Replays each resident's stays from all movements now on the desk, its own and other
 * desks'. When the movements cannot all hold — two desks gave one bed to two people, or
 * one person two beds — the stays stay as they were and a conflict is raised for people
 * (a supervisor reverses the mistaken movement); the pull itself never fails on it.
 */
export async function rebuildStaysAfterPull(
  db: DeskDatabase,
  ctx: WriteContext,
  residentIds: readonly string[],
): Promise<void> {
  // Residents whose replay failed before are tried again: once a supervisor reverses the
  // mistaken movement, their stays come back on the next pull.
  const waiting = (await db.syncConflicts.where('status').equals('open').toArray())
    .filter((c) => c.field === 'stays')
    .map((c) => c.recordId);
  const moved = [...new Set(residentIds)].filter((id) => !waiting.includes(id));
  // A page of movements usually holds: its residents are replayed in one transaction
  // (a transaction per resident made the pull of an office with care homes 25% slower).
  // If one of them cannot hold, that transaction writes nothing and the page's
  // residents are replayed one by one, so the others still apply and that one is raised.
  let oneByOne = moved;
  try {
    await replay(db, ctx, moved);
    oneByOne = [];
  } catch {
    // Replayed one by one below, where the resident that does not hold is found.
  }
  for (const residentId of new Set([...oneByOne, ...waiting])) {
    try {
      await replay(db, ctx, [residentId]);
    } catch (error) {
      await raiseStayConflict(db, ctx, residentId, toAppErrorData(error).fieldErrors?.[0]?.code);
    }
  }
}

/** Replays the residents' stays in one write transaction. */
async function replay(db: DeskDatabase, ctx: WriteContext, residentIds: readonly string[]) {
  if (residentIds.length === 0) return;
  await write(db, ctx, async (w) => {
    // The movement logs are read all at once (replaying writes only stays); the replays
    // run one after another, each checked against the stays the ones before wrote.
    const logs = await Promise.all(residentIds.map((id) => movementLog(db, id)));
    for (const [i, residentId] of residentIds.entries()) {
      await syncStays(w, db, residentId, logs[i] ?? []);
    }
  });
}

async function raiseStayConflict(
  db: DeskDatabase,
  ctx: WriteContext,
  residentId: string,
  problem: string | undefined,
): Promise<void> {
  const open = await db.syncConflicts.where('recordId').equals(residentId).toArray();
  if (open.some((c) => c.status === 'open' && c.field === 'stays')) return;
  const by = { userId: ctx.actor.userId, name: ctx.actor.name, deviceId: ctx.deviceId, hlc: '' };
  await write(db, ctx, (w) =>
    w.create('syncConflict', {
      recordKind: 'elderlyResident',
      recordId: residentId,
      field: 'stays',
      type: 'transition',
      keptValue: 'sync.value.staysHere',
      otherValue: 'sync.value.staysElsewhere',
      keptBy: by,
      otherBy: by,
      status: 'open',
      resolution: null,
      note: problem ?? '',
    }),
  );
}
