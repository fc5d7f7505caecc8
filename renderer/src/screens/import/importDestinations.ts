import type { RosterType } from '../../db/repositories/import/rosterModules';
import type { MessageKey } from '../../i18n/messages';
import type { Route } from '../../state/router';

/** Where an import's "see what was imported" button leads, per roster, with its label. */
export const importDestinations: Record<RosterType, { route: Route; label: MessageKey }> = {
  households: { route: { name: 'persons' }, label: 'import.openPersons' },
  volunteers: { route: { name: 'volunteers' }, label: 'import.open.volunteers' },
  volunteerHours: { route: { name: 'volunteers' }, label: 'import.open.volunteers' },
  residents: { route: { name: 'elderlyResidents' }, label: 'import.open.residents' },
  cases: { route: { name: 'cases' }, label: 'import.open.cases' },
};
