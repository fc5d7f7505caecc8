import { useCallback, useEffect, useState } from 'react';

/** Loads once and on `reload()`; a failure goes to `onError` (a 401 ends the page's session). */
export function useLoad<T>(load: () => Promise<T>, onError: (error: unknown) => void) {
  const [value, setValue] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (live) setValue(loaded);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [load, onError, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, reload };
}
