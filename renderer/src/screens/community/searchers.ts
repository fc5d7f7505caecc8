import { useCallback } from 'react';
import { maskIdNumber } from '@shared/identity/residentId';
import { listVolunteers } from '../../db/repositories/community/volunteers';
import { searchPersons } from '../../db/repositories/persons';
import { useSession } from '../../state/session';
import type { RefOption } from './RefPicker';

/** Registered persons for a picker, told apart by their masked ID (never the full one). */
export function usePersonSearch(): (query: string) => Promise<RefOption[]> {
  const db = useSession((s) => s.db);
  return useCallback(
    async (query: string) =>
      (await searchPersons(db, query, 20)).map((p) => ({
        id: p.id,
        name: p.name,
        detail: maskIdNumber(p.idNumber),
      })),
    [db],
  );
}

/** Volunteers for a picker, told apart by their volunteer number. */
export function useVolunteerSearch(): (query: string) => Promise<RefOption[]> {
  const db = useSession((s) => s.db);
  return useCallback(
    async (query: string) =>
      (await listVolunteers(db, query, 20)).map((v) => ({
        id: v.id,
        name: v.name,
        detail: v.volunteerNumber,
      })),
    [db],
  );
}
