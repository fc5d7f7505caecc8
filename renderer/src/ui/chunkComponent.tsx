import { createElement, lazy, type ComponentType } from 'react';
import type { LazyChunk } from './lazyChunk';

/**
 * A chunk's component for the tree: rendered at once when the chunk is already here
 * (prefetched while the login screen showed), through React.lazy only when it is not.
 * React.lazy suspends at its first render even for a module fetched long before, and
 * React then holds the content back until 300 ms after the fallback showed (its
 * throttle of fallbacks): that put ~300 ms of nothing between a login and the shell —
 * the cold start's login took ~120 ms, its submit → shell ~510 ms.
 */
export function chunkComponent<P extends object>(
  chunk: LazyChunk<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const Lazy = lazy(chunk.load);
  return function ChunkComponent(props: P) {
    // Never flips for a mounted tree: `lazy` only ever shows its fallback, since the
    // promise it waits on settles after `loaded()` is set, so the retry that shows the
    // content renders the fetched component itself (loginToShell.e2e.ts: mounted once).
    const Loaded = chunk.loaded()?.default;
    return createElement(Loaded ?? Lazy, props);
  };
}
