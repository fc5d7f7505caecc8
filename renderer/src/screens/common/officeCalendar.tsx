import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildCalendar, type WorkingCalendar } from '@shared/calendar/workingDays';
import { loadCalendar } from '../../db/repositories/reference';
import { useSession } from '../../state/session';

/**
 * The office's working calendar (the reference calendar the desk holds: published years
 * from HQ, the first run's sample otherwise), read once for the whole shell so every
 * calendar popup can mark holidays and 调休 days without a query per day cell.
 */
const OfficeCalendarContext = createContext<WorkingCalendar | null>(null);

export function OfficeCalendarProvider({ children }: { children: ReactNode }) {
  const db = useSession((s) => s.db);
  const calendar = useLiveQuery(() => loadCalendar(db).catch(() => buildCalendar([])), [db]);
  return (
    <OfficeCalendarContext.Provider value={calendar ?? null}>
      {children}
    </OfficeCalendarContext.Provider>
  );
}

/** The office calendar, or null before it is read (and outside the shell). */
export function useOfficeCalendar(): WorkingCalendar | null {
  return useContext(OfficeCalendarContext);
}
