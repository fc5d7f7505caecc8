import { describe, expect, it } from 'vitest';
import { breaksInOrder } from '../../../console/src/screens/offices/chainLines';

const at = (kind: string, seq: number) => ({
  kind: kind as never,
  seq,
  missing: null,
  foundAt: `2026-12-07T00:00:${String(seq).padStart(2, '0')}Z`,
});

describe("the console's list of a desk's chain breaks", () => {
  it('lists the chain’s own breaks before a flood of the desk’s store reports, each newest first', () => {
    // As HQ gives them, newest first: five reports sent after a removal of entries.
    const breaks = [
      at('store_altered', 9),
      at('store_altered', 8),
      at('store_altered', 7),
      at('edited', 6),
      at('store_altered', 5),
      at('store_altered', 4),
      at('removed', 3),
    ];
    expect(breaksInOrder(breaks).map((b) => `${b.kind} ${b.seq}`)).toEqual([
      'edited 6',
      'removed 3',
      'store_altered 9',
      'store_altered 8',
      'store_altered 7',
      'store_altered 5',
      'store_altered 4',
    ]);
  });
});
