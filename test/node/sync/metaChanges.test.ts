import { describe, expect, it } from 'vitest';
import Dexie, { RangeSet } from 'dexie';
import { afterMetaChanges } from '../../../renderer/src/sync/worker/metaChanges';

/** A committed change to these parts, as Dexie tells it (this window's or another's). */
const changed = (...parts: string[]) =>
  Dexie.on('storagemutated').fire(
    Object.fromEntries(parts.map((part) => [part, new RangeSet()])) as never,
  );

describe('after meta changes', () => {
  it('checks once per burst of meta changes, one check at a time, and not after stop', async () => {
    let checks = 0;
    let release: () => void = () => undefined;
    const watch = afterMetaChanges('desk', async () => {
      checks += 1;
      await new Promise<void>((resolve) => (release = resolve));
    });
    // Another table: nothing.
    changed('idb://desk/persons/');
    changed('idb://other/meta/');
    expect(checks).toBe(0);
    // A burst while the first check runs: one more check after it, not one each.
    changed('idb://desk/meta/');
    expect(checks).toBe(1);
    changed('idb://desk/meta/');
    changed('idb://desk/meta/', 'idb://desk/queue/');
    expect(checks).toBe(1);
    release();
    await expect.poll(() => checks).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(checks).toBe(2);
    watch.stop();
    changed('idb://desk/meta/');
    expect(checks).toBe(2);
  });

  it('goes on after a check that fails', async () => {
    let checks = 0;
    const watch = afterMetaChanges('desk', () => {
      checks += 1;
      return Promise.reject(new Error('status unreadable'));
    });
    changed('idb://desk/meta/');
    await new Promise((resolve) => setTimeout(resolve, 0));
    changed('idb://desk/meta/');
    await expect.poll(() => checks).toBe(2);
    watch.stop();
  });
});
