import { describe, expect, it } from 'vitest';
import { toAppErrorData } from '@shared/errors/appError';
import { lazyChunk } from '../../../renderer/src/ui/lazyChunk';

/** The login path's chunks (the shell, the session's writes): fetched once, retried after a failure. */
describe('lazyChunk', () => {
  it('fetches once, however often it is asked for and prefetched', async () => {
    let fetches = 0;
    const chunk = lazyChunk(async () => {
      fetches += 1;
      return { screens: 'all' };
    });
    chunk.prefetch();
    chunk.prefetch();
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
  });

  it('gives the module without waiting once it is here, nothing before', async () => {
    const chunk = lazyChunk(async () => ({ screens: 'all' }));
    expect(chunk.loaded()).toBeUndefined();
    chunk.prefetch();
    expect(chunk.loaded()).toBeUndefined();
    const module = await chunk.load();
    expect(chunk.loaded()).toBe(module);
  });

  it('a failed fetch fails where it is used, and the next use tries again', async () => {
    let fetches = 0;
    const chunk = lazyChunk(async () => {
      fetches += 1;
      if (fetches === 1) throw new Error('chunk not found');
      return { screens: 'all' };
    });
    chunk.prefetch();
    // An error of its own, worded as a part not loaded wherever it shows.
    const failed = await chunk.load().then(
      () => null,
      (error: unknown) => toAppErrorData(error),
    );
    expect(failed).toMatchObject({ code: 'unavailable', details: { reason: 'part_not_loaded' } });
    expect(failed?.message).toContain('chunk not found');
    expect(chunk.loaded()).toBeUndefined();
    expect(await chunk.load()).toEqual({ screens: 'all' });
    expect(fetches).toBe(2);
  });
});
