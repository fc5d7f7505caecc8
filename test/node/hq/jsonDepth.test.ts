import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthExceeds } from '../../../hq/src/http/jsonDepth';

/** The depth check reads JSON text as the parser would: brackets in strings are text. */

const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
    : 0;

describe('depthExceeds', () => {
  it('agrees with the parsed depth, whatever the strings hold', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '张') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.nat({ max: 8 }), fc.boolean(), (v, max, spaced) => {
        const json = JSON.stringify(v, null, spaced ? 2 : undefined);
        expect(depthExceeds(json, max)).toBe(depthOf(v) > max);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the first level past the bound, and leaves broken text to the parser', () => {
    expect(depthExceeds('['.repeat(1_000_000), 64)).toBe(true);
    expect(depthExceeds('['.repeat(64) + ']'.repeat(64), 64)).toBe(false);
    expect(depthExceeds('["' + '['.repeat(100), 64)).toBe(false);
    expect(depthExceeds('"\\\\"' + '['.repeat(65), 64)).toBe(true);
    expect(depthExceeds('"\\"' + '['.repeat(65), 64)).toBe(false);
  });
});
