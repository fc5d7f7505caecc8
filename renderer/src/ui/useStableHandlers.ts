import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * One handler per key (a field's name, a member row's key) that keeps its identity from
 * render to render and always calls the latest `handle`. A memoized field or row
 * (MemoTextField, MemberFields) is skipped when its props are the same, so a form that
 * passes these instead of fresh arrow functions renders only the field being typed in,
 * not all of them, on every key (issue #17: the household form's long task per key).
 */
export function useStableHandlers<K extends string, A extends unknown[]>(
  handle: (key: K, ...args: A) => void,
): (key: K) => (...args: A) => void {
  const latest = useRef(handle);
  // Events fire after commit, so the handler they call is always this render's.
  useLayoutEffect(() => {
    latest.current = handle;
  });
  const cache = useRef(new Map<K, (...args: A) => void>());
  return useCallback((key: K) => {
    const made = cache.current.get(key);
    if (made) return made;
    const handler = (...args: A) => latest.current(key, ...args);
    cache.current.set(key, handler);
    return handler;
  }, []);
}
