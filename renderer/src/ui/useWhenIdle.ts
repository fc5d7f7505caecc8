import { useEffect, useState } from 'react';

/**
 * True once `wanted` has held until the page was next idle (at most `timeoutMs` later),
 * false again as soon as it stops: for work that may start a moment late but must not
 * run beside the first render after a login (App.tsx: sync's worker, whose start would
 * share the two cores with the shell's first render and its first page).
 */
export function useWhenIdle(wanted: boolean, timeoutMs = 2_000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => {
        cancelIdleCallback(handle);
        setIdle(false);
      };
    }
    const timer = setTimeout(() => setIdle(true), 0);
    return () => {
      clearTimeout(timer);
      setIdle(false);
    };
  }, [wanted, timeoutMs]);
  return wanted && idle;
}
