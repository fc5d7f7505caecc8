import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthExceeds } from '../../../hq/src/http/jsonDepth';

/** The depth check over parsed JSON: arrays and objects inside each other, nothing else. */

const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
    : 0;

describe('depthExceeds', () => {
  it('agrees with the depth counted by recursion, at every bound', () => {
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
      fc.property(value, fc.nat({ max: 8 }), (v, max) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(depthExceeds(parsed, max)).toBe(depthOf(parsed) > max);
      }),
      { numRuns: 2000 },
    );
  });

  it('walks a million levels without recursion, and counts brackets in strings as text', () => {
    const million = 1_000_000;
    expect(depthExceeds(JSON.parse('['.repeat(million) + ']'.repeat(million)), 64)).toBe(true);
    const object = JSON.parse('{"a":'.repeat(million) + '1' + '}'.repeat(million)) as unknown;
    expect(depthExceeds(object, million)).toBe(false);
    expect(depthExceeds(object, million - 1)).toBe(true);
    expect(depthExceeds(JSON.parse('['.repeat(64) + ']'.repeat(64)), 64)).toBe(false);
    expect(depthExceeds(JSON.parse('['.repeat(65) + ']'.repeat(65)), 64)).toBe(true);
    expect(depthExceeds({ note: '['.repeat(1000) }, 1)).toBe(false);
    expect(depthExceeds('张三丰', 0)).toBe(false);
  });
});
