import { z } from 'zod';
import { isoDateSchema } from '../common';
import { stayEndReasons } from './enums';

/**
 * A stay (占用) of one resident on one bed: from reservation or admission to the day it
 * ended. Stays are the projection of the movements (projection.ts), rewritten in the
 * same transaction as each movement; the write path refuses two stays overlapping on
 * one bed or for one resident. Its id is the id of the movement that opened it.
 */
export const stayStates = ['reserved', 'active', 'held', 'closed', 'void'] as const;
export type StayState = (typeof stayStates)[number];

export const stayDataSchema = z.object({
  residentId: z.string().min(1),
  bedId: z.string().min(1),
  institutionId: z.string().min(1),
  /** 'void': the event that opened it was reversed; kept so the record's history stays. */
  state: z.enum(stayStates),
  openedBy: z.enum(['reserve', 'admit', 'change_bed']),
  reservedOn: isoDateSchema.nullable(),
  admittedOn: isoDateSchema.nullable(),
  endedOn: isoDateSchema.nullable(),
  endReason: z.enum(stayEndReasons).nullable(),
  /** Leaves with the bed held (请假保留床位); `to` null while the resident is away. */
  leaves: z.array(z.object({ from: isoDateSchema, to: isoDateSchema.nullable() })),
});
export type StayData = z.infer<typeof stayDataSchema>;

export const openStayStates: readonly StayState[] = ['reserved', 'active', 'held'];

/** The first day the stay holds its bed: the reservation, else the admission. */
export function stayStart(stay: StayData): string | null {
  return stay.reservedOn ?? stay.admittedOn;
}

/** Half-open [start, end): a stay ending on day D leaves the bed free for another on D. */
export function staysOverlap(a: StayData, b: StayData): boolean {
  const aStart = stayStart(a);
  const bStart = stayStart(b);
  if (a.state === 'void' || b.state === 'void' || aStart === null || bStart === null) return false;
  const aEnd = a.endedOn ?? '9999-12-31';
  const bEnd = b.endedOn ?? '9999-12-31';
  return aStart < bEnd && bStart < aEnd && aStart < aEnd && bStart < bEnd;
}

/** What a stay makes of its bed at the end of `date`, or null when it does not hold it. */
export function stayStatusOn(
  stay: StayData,
  date: string,
): 'reserved' | 'held' | 'occupied' | null {
  const start = stayStart(stay);
  if (stay.state === 'void' || start === null || start > date) return null;
  if (stay.endedOn !== null && stay.endedOn <= date) return null;
  if (stay.admittedOn === null || stay.admittedOn > date) return 'reserved';
  const away = stay.leaves.some((l) => l.from <= date && (l.to === null || l.to > date));
  return away ? 'held' : 'occupied';
}
