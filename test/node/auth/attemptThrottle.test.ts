import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from '../../../renderer/src/auth/attemptThrottle';

describe('AttemptThrottle', () => {
  it('blocks attempts for a while after repeated failures, and a success resets it', () => {
    const throttle = new AttemptThrottle(3, 30_000);
    throttle.record(false, 0);
    throttle.record(false, 1);
    expect(throttle.waitMs(2)).toBe(0);
    throttle.record(false, 2);
    expect(throttle.waitMs(3)).toBe(29_999);
    expect(throttle.waitMs(30_002)).toBe(0);
    throttle.record(false, 30_003);
    throttle.record(true, 30_004);
    throttle.record(false, 30_005);
    throttle.record(false, 30_006);
    expect(throttle.waitMs(30_007)).toBe(0);
  });
});
