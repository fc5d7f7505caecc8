import type { BedStatus } from './enums';
import { bedInServiceOn, type BedData } from './institution';
import { stayStatusOn, type StayData } from './stay';

/**
 * A bed's status at the end of `date`, derived from its stays: reserved, occupied or
 * held (resident on leave). Retirement is dated; maintenance is a current flag, so it
 * shows only where nothing holds the bed. Null: the bed was not in service yet.
 */
export function bedStatusOn(
  bed: BedData,
  staysOfBed: readonly StayData[],
  date: string,
): BedStatus | null {
  if (!bedInServiceOn(bed, date)) {
    return bed.retiredOn !== null && bed.retiredOn <= date ? 'retired' : null;
  }
  for (const stay of staysOfBed) {
    const status = stayStatusOn(stay, date);
    if (status) return status;
  }
  return bed.maintenance ? 'maintenance' : 'vacant';
}

/** The stay holding the bed on `date`, for the resident's name on the board. */
export function stayHoldingOn<T extends StayData>(
  staysOfBed: readonly T[],
  date: string,
): T | undefined {
  return staysOfBed.find((s) => stayStatusOn(s, date) !== null);
}

/** Ratio as an integer per-mille (1000 = 100 %), or null for an empty denominator. */
export function permille(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole);
}
