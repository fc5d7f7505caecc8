import { afterAll, beforeAll, vi } from 'vitest';
import type * as Session from '../../renderer/src/state/session';

/**
 * The desk's session store (renderer/src/state/session.ts) in a Node test file: its login
 * throttle is kept in localStorage, which Node has not, so a map stands in for it, and the
 * module is imported once the stand-in is there. Call at the top of the file: `session()`
 * gives the module inside tests, `storage` what it keeps in localStorage.
 */
export function sessionInNode(): { session: () => typeof Session; storage: Map<string, string> } {
  const items = new Map<string, string>();
  let session: typeof Session | undefined;
  beforeAll(async () => {
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
      clear: () => items.clear(),
    });
    session = await import('../../renderer/src/state/session');
  });
  afterAll(() => vi.unstubAllGlobals());
  return {
    storage: items,
    session: () => {
      if (!session) throw new Error('The session module is imported in beforeAll.');
      return session;
    },
  };
}
