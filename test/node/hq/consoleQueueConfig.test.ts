import { describe, expect, it } from 'vitest';
import { consoleConfigFromEnv } from '../../../hq/src/console/consoleConfig';
import { sampleSize } from '../../../hq/src/console/queue/spotChecks';

/** 抽查's share from HQ's environment, and the size of a draw at that share. */
describe('HQ_SPOT_CHECK_PERCENT', () => {
  it('defaults to 10 and takes a whole number from 1 to 100', () => {
    expect(consoleConfigFromEnv({}).spotCheckPercent).toBe(10);
    expect(consoleConfigFromEnv({ HQ_SPOT_CHECK_PERCENT: '25' }).spotCheckPercent).toBe(25);
    for (const bad of ['0', '101', '12.5', 'ten', '-5']) {
      expect(() => consoleConfigFromEnv({ HQ_SPOT_CHECK_PERCENT: bad })).toThrow(
        /HQ_SPOT_CHECK_PERCENT/,
      );
    }
  });

  it('draws the share rounded up, never more than there are', () => {
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(1, 10)).toBe(1);
    expect(sampleSize(25, 10)).toBe(3);
    expect(sampleSize(40, 100)).toBe(40);
  });
});
