import type { ReactNode } from 'react';
import { BoardScreen } from './board/BoardScreen';
import { FiguresScreen } from './figures/FiguresScreen';
import { HomeCarePersonScreen } from './homeCare/HomeCarePersonScreen';
import { HomeCareScreen } from './homeCare/HomeCareScreen';
import { InstitutionScreen } from './institutions/InstitutionScreen';
import { InstitutionsScreen } from './institutions/InstitutionsScreen';
import { ResidentFormScreen } from './residents/ResidentFormScreen';
import { ResidentScreen } from './residents/ResidentScreen';
import { ResidentsScreen } from './residents/ResidentsScreen';
import type { ElderlyCareRoute } from './routeTypes';

/** The 养老 screens; keys carry record ids so a screen never keeps another record's state. */
export function renderElderlyCareRoute(route: ElderlyCareRoute): ReactNode {
  switch (route.name) {
    case 'beds':
      return <BoardScreen key={route.institutionId ?? ''} institutionId={route.institutionId} />;
    case 'elderlyInstitutions':
      return <InstitutionsScreen />;
    case 'elderlyInstitution':
      return <InstitutionScreen key={route.id} id={route.id} />;
    case 'elderlyResidents':
      return <ResidentsScreen />;
    case 'elderlyResident':
      return <ResidentScreen key={route.id} id={route.id} />;
    case 'elderlyResidentNew':
      return <ResidentFormScreen key={route.bedId ?? ''} bedId={route.bedId} />;
    case 'elderlyFigures':
      return <FiguresScreen />;
    case 'homeCare':
      return <HomeCareScreen />;
    case 'homeCarePerson':
      return <HomeCarePersonScreen key={route.personId} personId={route.personId} />;
  }
}
