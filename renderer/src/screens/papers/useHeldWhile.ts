import { useState } from 'react';

/**
 * A live query's value, held still while `held`: a paper printing full ID numbers shows,
 * between its access-log entry and the end of the print or PDF, exactly what was logged
 * — a case or member a background sync brings in meanwhile waits for the next print
 * instead of going into this one unlogged (usePaperOutput's `unmasked`).
 */
export function useHeldWhile<T>(held: boolean, value: T): T {
  const [kept, setKept] = useState(value);
  // React's pattern for state derived from props: adjusted during render, not in an effect.
  if (!held && kept !== value) setKept(value);
  return held ? kept : value;
}
