import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { loadSettings } from '../db/repositories/settings';
import { useSession } from '../state/session';

/**
 * Keeps the session's office settings in step with the database: a change made on
 * another desk of the office arrives by sync and applies without logging in again.
 */
export function useLiveSettings(): void {
  const db = useSession((s) => s.db);
  const stored = useLiveQuery(() => loadSettings(db), [db]);
  useEffect(() => {
    const current = useSession.getState().settings;
    if (stored && (!current || stored.version !== current.version || stored.hlc !== current.hlc)) {
      useSession.getState().setSettings(stored);
    }
  }, [stored]);
}
