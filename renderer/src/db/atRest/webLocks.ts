/**
 * The browser's Web Locks, where there are any: tabs and workers of one origin take
 * turns through them (firstRunLock.ts, storeWorkLock.ts). Node and the tests' fake
 * IndexedDB have none: one context, nothing to take turns with.
 */
export function webLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && typeof navigator.locks?.request === 'function'
    ? navigator.locks
    : null;
}
