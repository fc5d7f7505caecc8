import { describe, expect, it } from 'vitest';
import {
  clockSkewMs,
  compareHlc,
  formatHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
  type Hlc,
} from '@shared/clock/hlc';

const t0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

describe('format / parse', () => {
  it('zero-pads so strings sort like the clock', () => {
    const h = { wallMs: t0, counter: 7, node: 'desk-a' };
    expect(formatHlc(h)).toBe('001767225600000-000007-desk-a');
    expect(parseHlc(formatHlc(h))).toEqual(h);
    const earlier = formatHlc({ wallMs: 999, counter: 999_999, node: 'z' });
    expect(compareHlc(earlier, formatHlc(h))).toBe(-1);
    expect(compareHlc(formatHlc(h), formatHlc(h))).toBe(0);
  });

  it('rejects what it cannot represent or read', () => {
    expect(parseHlc('not-an-hlc')).toBeNull();
    expect(parseHlc('1767225600000-000007-a')).toBeNull();
    expect(() => formatHlc({ wallMs: -1, counter: 0, node: 'a' })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 1, counter: 1_000_000, node: 'a' })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 1, counter: 0, node: '' })).toThrow(RangeError);
  });
});

describe('tickHlc', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = tickHlc(null, t0, 'a');
    expect(a).toEqual({ wallMs: t0, counter: 0, node: 'a' });
    expect(tickHlc(a, t0 + 5, 'a')).toEqual({ wallMs: t0 + 5, counter: 0, node: 'a' });
  });

  it('stays monotonic when the clock stands still or goes backwards', () => {
    let h: Hlc | null = null;
    const stamps: string[] = [];
    for (const now of [t0, t0, t0 - 60_000, t0 - 3_600_000, t0 + 1, t0 + 2]) {
      h = tickHlc(h, now, 'a');
      stamps.push(formatHlc(h));
    }
    expect([...stamps].sort(compareHlc)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseHlc(stamps[3] ?? '')).toEqual({ wallMs: t0, counter: 3, node: 'a' });
  });

  it('carries into the wall part when the counter is full', () => {
    const full = { wallMs: t0, counter: 999_999, node: 'a' };
    expect(tickHlc(full, t0, 'a')).toEqual({ wallMs: t0 + 1, counter: 0, node: 'a' });
  });
});

describe('receiveHlc', () => {
  const local = { wallMs: t0, counter: 2, node: 'a' };

  it('jumps past a remote clock that is ahead', () => {
    const remote = { wallMs: t0 + 10_000, counter: 4, node: 'hq' };
    const next = receiveHlc(local, remote, t0 + 1);
    expect(next).toEqual({ wallMs: t0 + 10_000, counter: 5, node: 'a' });
    expect(compareHlc(formatHlc(next), formatHlc(remote))).toBe(1);
    // Later local events keep sorting after what was received.
    expect(compareHlc(formatHlc(tickHlc(next, t0 + 2, 'a')), formatHlc(next))).toBe(1);
  });

  it('uses the wall clock when it is ahead of both', () => {
    const remote = { wallMs: t0 - 5, counter: 9, node: 'hq' };
    expect(receiveHlc(local, remote, t0 + 100)).toEqual({
      wallMs: t0 + 100,
      counter: 0,
      node: 'a',
    });
  });

  it('advances past both when all clocks agree', () => {
    const remote = { wallMs: t0, counter: 7, node: 'hq' };
    expect(receiveHlc(local, remote, t0)).toEqual({ wallMs: t0, counter: 8, node: 'a' });
    expect(receiveHlc(local, { ...remote, counter: 0 }, t0 - 50)).toEqual({
      wallMs: t0,
      counter: 3,
      node: 'a',
    });
  });

  it('reports skew', () => {
    expect(clockSkewMs(t0, t0 + 90_000)).toBe(90_000);
    expect(clockSkewMs(t0, t0 - 5)).toBe(-5);
  });
});
