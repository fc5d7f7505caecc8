import { AppError } from '@shared/errors/appError';

/**
 * A chunk of the app fetched on first use, once, and fetchable ahead of it (issue #17
 * item 2: the login screen loads only what it shows; the rest comes while the password is
 * typed). A failed load is not kept here (the next use calls the importer again), but the
 * browser keeps a failed module fetch for the page's life (Chromium: a second import() of
 * it fails at once, with no request), so only a new start of the page fetches it again;
 * ui/FailureBoundary.tsx says so in the chunk's place. A failed fetch is an AppError of
 * its own (`part_not_loaded`, worded error.partNotLoaded wherever it is shown), never
 * taken for the failure of what the chunk would have done (a bad file, an unreachable HQ).
 */
export interface LazyChunk<T> {
  load(): Promise<T>;
  /** Starts the fetch without waiting for it (a failure shows where the chunk is used). */
  prefetch(): void;
  /** The module once fetched, to use without waiting (chunkComponent.tsx); else undefined. */
  loaded(): T | undefined;
}

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  let loading: Promise<T> | null = null;
  let module: T | undefined;
  const load = (): Promise<T> => {
    loading ??= importer().then(
      (fetched) => (module = fetched),
      (error: unknown) => {
        loading = null;
        console.error('[chunk] could not be loaded', error);
        throw new AppError({
          code: 'unavailable',
          message: `A part of the desk could not be loaded: ${String(error)}`,
          details: { reason: 'part_not_loaded' },
        });
      },
    );
    return loading;
  };
  return {
    load,
    prefetch: () => {
      load().catch(() => undefined);
    },
    loaded: () => module,
  };
}
