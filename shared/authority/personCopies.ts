/**
 * Records that name a person by id and copy the name (lists and search need no join):
 * the copy is the registry's name of that person, at the desk and at HQ alike. A case's
 * applicant and a household's head have their own rules (caseOps, household); these are
 * the others a hostile desk could rename at will.
 */
import type { FieldError } from '../errors/appError';

/** A person's name in the registry now, and every name it gave them (now included). */
export interface RegistryNames {
  current: string;
  known: readonly string[];
}

/** Kind → [the person's id field, the copy of the name]. */
export const personNameCopies: Readonly<Record<string, readonly [string, string]>> = {
  elderlyResident: ['personId', 'personName'],
  volunteer: ['personId', 'name'],
};

/**
 * A new record, or an edit that sets the person or the copy, names a registered person
 * by a name the registry gave them — now, or before a correction the desk had not yet
 * seen (`registry`: undefined when whoever checks has no such live person, then
 * `codes.unknown`); else `codes.name` with params.name, the name now.
 */
export function personCopyIssues(
  sentName: unknown,
  registry: RegistryNames | undefined,
  codes: { person: string; unknown: string; name: string; path: string },
): FieldError[] {
  if (registry === undefined) return [{ path: codes.person, code: codes.unknown }];
  if (typeof sentName === 'string' && registry.known.includes(sentName)) return [];
  return [{ path: codes.path, code: codes.name, params: { name: registry.current } }];
}
