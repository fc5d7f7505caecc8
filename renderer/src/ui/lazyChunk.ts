/**
 * A chunk of the app fetched on first use, once, and fetchable ahead of it (issue #17
 * item 2: the login screen loads only what it shows; the rest comes while the password is
 * typed). A fetch that failed is tried again at the next use, not remembered as failed:
 * one bad moment does not leave the desk unable to open its screens until a restart.
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
        throw error;
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
