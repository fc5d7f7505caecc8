/**
 * Hybrid logical clock: orders changes across desks and HQ even when a township PC's
 * wall clock is wrong or goes backwards. A timestamp is (wall ms, counter, node); its
 * string form sorts lexicographically in the same order as compareHlc.
 */

export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const wallDigits = 15;
const counterDigits = 6;
const maxCounter = 10 ** counterDigits - 1;
const hlcPattern = /^(\d{15})-(\d{6})-(.+)$/;

function checkNode(node: string): void {
  if (node === '') throw new RangeError('An HLC node id may not be empty.');
}

/** "001767225600000-000000-node": zero-padded so strings sort correctly. */
export function formatHlc(h: Hlc): string {
  checkNode(h.node);
  if (!Number.isSafeInteger(h.wallMs) || h.wallMs < 0 || h.wallMs >= 10 ** wallDigits) {
    throw new RangeError(`HLC wall time out of range: ${h.wallMs}`);
  }
  if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > maxCounter) {
    throw new RangeError(`HLC counter out of range: ${h.counter}`);
  }
  const wall = String(h.wallMs).padStart(wallDigits, '0');
  return `${wall}-${String(h.counter).padStart(counterDigits, '0')}-${h.node}`;
}

/** Parses formatHlc output; returns null for anything else. */
export function parseHlc(s: string): Hlc | null {
  const match = hlcPattern.exec(s);
  if (!match) return null;
  const [, wall = '', counter = '', node = ''] = match;
  return { wallMs: Number(wall), counter: Number(counter), node };
}

/** Moves the counter on, or the wall part when the counter would overflow. */
function bump(wallMs: number, counter: number, node: string): Hlc {
  return counter >= maxCounter
    ? { wallMs: wallMs + 1, counter: 0, node }
    : { wallMs, counter: counter + 1, node };
}

/**
 * The timestamp for a local event. Strictly greater than `prev` even if the wall
 * clock stood still or went back: then the counter advances instead.
 */
export function tickHlc(prev: Hlc | null, nowMs: number, node: string): Hlc {
  checkNode(node);
  const now = Math.floor(nowMs);
  if (prev === null || now > prev.wallMs) return { wallMs: now, counter: 0, node };
  return bump(prev.wallMs, prev.counter, node);
}

/**
 * The local clock after seeing a remote timestamp: greater than both the local and
 * the remote one, so everything written afterwards sorts after what was received.
 */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const now = Math.floor(nowMs);
  const wall = Math.max(local.wallMs, remote.wallMs, now);
  if (wall === now && now > local.wallMs && now > remote.wallMs) {
    return { wallMs: now, counter: 0, node: local.node };
  }
  let counter = -1;
  if (wall === local.wallMs) counter = Math.max(counter, local.counter);
  if (wall === remote.wallMs) counter = Math.max(counter, remote.counter);
  return bump(wall, counter, local.node);
}

/** Orders formatted HLC strings (plain string order, by construction). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How far the remote clock is ahead (positive) or behind (negative) of ours. */
export function clockSkewMs(localNowMs: number, remoteNowMs: number): number {
  return remoteNowMs - localNowMs;
}
