import { useLiveQuery } from 'dexie-react-hooks';
import { isDesktop } from '../platform/deskApi';
import { useSession } from '../state/session';
import { loadReaderUrl } from './readerSetting';

/**
 * This desk's reader service address; null without one, and always null in the browser
 * build (which cannot read cards); undefined while it loads.
 */
export function useReaderUrl(): string | null | undefined {
  const db = useSession((s) => s.db);
  return useLiveQuery(() => (isDesktop() ? loadReaderUrl(db) : Promise.resolve(null)), [db]);
}
