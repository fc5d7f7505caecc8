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

describe('AttemptThrottle with a store (the desk keeps it in localStorage)', () => {
  const memoryStore = () => {
    let text: string | null = null;
    return {
      load: () => text,
      save: (t: string) => void (text = t),
      set: (t: string) => (text = t),
    };
  };

  it('a reload (a new throttle on the same store) keeps the count and the block', () => {
    const store = memoryStore();
    const before = new AttemptThrottle(3, 30_000, store);
    before.record(false, 0);
    before.record(false, 1);
    // Reloaded after two wrong passwords: the third still blocks.
    const afterReload = new AttemptThrottle(3, 30_000, store);
    afterReload.record(false, 2);
    const again = new AttemptThrottle(3, 30_000, store);
    expect(again.waitMs(3)).toBe(29_999);
    expect(again.waitMs(30_002)).toBe(0);
    again.record(true, 30_003);
    expect(new AttemptThrottle(3, 30_000, store).waitMs(30_004)).toBe(0);
  });

  it('an edited or unreadable store counts as no failures, never as a block without end', () => {
    const store = memoryStore();
    store.set('{"failures":0,"blockedUntil":99999999999999}');
    expect(new AttemptThrottle(3, 30_000, store).waitMs(0)).toBe(30_000);
    for (const junk of ['not json', '[]', '{"failures":-1,"blockedUntil":0}', 'null']) {
      store.set(junk);
      const throttle = new AttemptThrottle(3, 30_000, store);
      expect(throttle.waitMs(0)).toBe(0);
      throttle.record(false, 0);
      expect(store.load()).toBe('{"failures":1,"blockedUntil":0}');
    }
  });
});
