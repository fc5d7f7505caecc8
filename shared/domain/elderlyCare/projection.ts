import type { FieldError } from '../../errors/appError';
import type { MovementData } from './movement';
import { openStayStates, type StayData } from './stay';

/**
 * Replays a resident's movements into their stays. The same function serves every
 * write (the stays after a new event), every reversal (the stays without the undone
 * event) and the checks (an event that does not follow from the stays before it is
 * refused). History is never rewritten: a reversed event stays in the log, it only
 * stops counting.
 */

/** What replay needs of a stored movement: its data, id and clock order. */
export type MovementEvent = MovementData & { id: string; hlc: string };

export type ProjectionResult =
  { ok: true; stays: Map<string, StayData> } | { ok: false; error: FieldError; movementId: string };

/** Events still in force: not reversals, not reversed; by date, then by recording order. */
export function effectiveMovements<T extends MovementEvent>(movements: readonly T[]): T[] {
  const reversed = new Set(
    movements.flatMap((m) => (m.type === 'reversal' && m.reversesId ? [m.reversesId] : [])),
  );
  return movements
    .filter((m) => m.type !== 'reversal' && !reversed.has(m.id))
    .sort((a, b) => (a.date === b.date ? a.hlc.localeCompare(b.hlc) : a.date < b.date ? -1 : 1));
}

export function projectStays(movements: readonly MovementEvent[]): ProjectionResult {
  const stays = new Map<string, StayData>();
  let lastDate = '';
  for (const m of effectiveMovements(movements)) {
    if (m.date < lastDate) {
      return fail(m, {
        path: 'date',
        code: 'elderly.date_before_last',
        params: { date: lastDate },
      });
    }
    lastDate = m.date;
    const [openId, open] = openStayOf(stays) ?? [];
    const error = apply(stays, m, openId, open);
    if (error) return fail(m, error);
  }
  return { ok: true, stays };
}

function fail(m: MovementEvent, error: FieldError): ProjectionResult {
  return { ok: false, error, movementId: m.id };
}

function newStay(m: MovementEvent, openedBy: StayData['openedBy']): StayData {
  return {
    residentId: m.residentId,
    bedId: m.bedId,
    institutionId: m.institutionId,
    state: openedBy === 'reserve' ? 'reserved' : 'active',
    openedBy,
    reservedOn: openedBy === 'reserve' ? m.date : null,
    admittedOn: openedBy === 'reserve' ? null : m.date,
    endedOn: null,
    endReason: null,
    leaves: [],
  };
}

const wrongState = (code: string, state?: string): FieldError => ({
  path: 'type',
  code,
  ...(state ? { params: { state } } : {}),
});

/** Applies one event; returns why it cannot follow from the current stays, if so. */
function apply(
  stays: Map<string, StayData>,
  m: MovementEvent,
  openId: string | undefined,
  open: StayData | undefined,
): FieldError | null {
  const set = (patch: Partial<StayData>) =>
    openId && open && stays.set(openId, { ...open, ...patch });
  // Nothing follows a discharge by death (a mistaken one is reversed first).
  const deceased = [...stays.values()].some((s) => s.endReason === 'discharge_death');
  if (deceased && (m.type === 'reserve' || m.type === 'admit')) {
    return wrongState('elderly.resident_deceased');
  }
  switch (m.type) {
    case 'reserve':
      if (open) return wrongState('elderly.resident_has_stay', open.state);
      stays.set(m.id, newStay(m, 'reserve'));
      return null;
    case 'cancel_reservation':
      if (open?.state !== 'reserved') return wrongState('elderly.no_reservation');
      set({ state: 'closed', endedOn: m.date, endReason: 'reservation_cancelled' });
      return null;
    case 'admit':
      if (!open) {
        stays.set(m.id, newStay(m, 'admit'));
        return null;
      }
      if (open.state !== 'reserved') return wrongState('elderly.resident_has_stay', open.state);
      if (open.bedId !== m.bedId) return { path: 'bedId', code: 'elderly.reserved_other_bed' };
      set({ state: 'active', admittedOn: m.date });
      return null;
    case 'change_bed':
      if (open?.state !== 'active') return wrongState('elderly.not_in_bed', open?.state);
      if (open.bedId === m.bedId) return { path: 'bedId', code: 'elderly.same_bed' };
      // The form named the bed it saw; a change recorded meanwhile makes it stale.
      if (open.bedId !== m.fromBedId) return { path: 'fromBedId', code: 'elderly.stale_bed' };
      set({ state: 'closed', endedOn: m.date, endReason: 'bed_change' });
      stays.set(m.id, newStay(m, 'change_bed'));
      return null;
    case 'leave':
      if (open?.state !== 'active') return wrongState('elderly.not_in_bed', open?.state);
      set({ state: 'held', leaves: [...open.leaves, { from: m.date, to: null }] });
      return null;
    case 'return':
      if (open?.state !== 'held') return wrongState('elderly.not_on_leave');
      set({ state: 'active', leaves: closeLeave(open.leaves, m.date) });
      return null;
    case 'discharge':
      if (open?.state !== 'active' && open?.state !== 'held') {
        return wrongState('elderly.not_in_bed', open?.state);
      }
      set({
        state: 'closed',
        endedOn: m.date,
        endReason: `discharge_${m.dischargeReason ?? 'normal'}`,
        leaves: closeLeave(open.leaves, m.date),
      });
      return null;
    case 'reversal':
      return null;
  }
}

function closeLeave(leaves: StayData['leaves'], date: string): StayData['leaves'] {
  return leaves.map((l) => (l.to === null ? { ...l, to: date } : l));
}

/** The stay currently holding a bed for the resident (reserved, in bed or on leave). */
export function openStayOf(stays: Map<string, StayData>): [string, StayData] | undefined {
  return [...stays].find(([, s]) => openStayStates.includes(s.state));
}
