/** The elderly-care screens' routes (养老床位, 居家养老). Names carry the area prefix. */
export type ElderlyCareRoute =
  | { name: 'beds'; institutionId?: string }
  | { name: 'elderlyInstitutions' }
  | { name: 'elderlyInstitution'; id: string }
  | { name: 'elderlyResidents' }
  | { name: 'elderlyResident'; id: string }
  | { name: 'elderlyResidentNew'; bedId?: string }
  | { name: 'elderlyFigures' }
  | { name: 'homeCare' }
  | { name: 'homeCarePerson'; personId: string };

export const elderlyCareRouteNames: readonly ElderlyCareRoute['name'][] = [
  'beds',
  'elderlyInstitutions',
  'elderlyInstitution',
  'elderlyResidents',
  'elderlyResident',
  'elderlyResidentNew',
  'elderlyFigures',
  'homeCare',
  'homeCarePerson',
];
