/**
 * Delay before the next try after `failures` failed rounds: exponential with full
 * jitter, so many desks coming back online at once do not hit HQ in lockstep.
 */
export function backoffMs(
  failures: number,
  random: () => number,
  baseMs = 2_000,
  maxMs = 5 * 60_000,
): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(random() * ceiling);
}

/** How far the device clock is from HQ's; more than this is reported to the user. */
export const maxClockSkewMs = 5 * 60_000;

export function clockSkewFromHq(hqTimeIso: string, localNowMs: number): number {
  const hq = Date.parse(hqTimeIso);
  return Number.isNaN(hq) ? 0 : localNowMs - hq;
}
