import type { ReactNode } from 'react';
import type { Route } from '../state/router';
import { CaseEditScreen } from './cases/CaseEditScreen';
import { CaseFormScreen } from './cases/CaseFormScreen';
import { CaseScreen } from './cases/CaseScreen';
import { CasesScreen } from './cases/CasesScreen';
import { MedicalScreen } from './medical/MedicalScreen';
import { HouseholdFormScreen } from './registry/HouseholdFormScreen';
import { HouseholdScreen } from './registry/HouseholdScreen';
import { PersonScreen } from './registry/PersonScreen';
import { PersonsScreen } from './registry/PersonsScreen';
import { AccountsScreen } from './settings/AccountsScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ConflictsScreen } from './sync/ConflictsScreen';
import { PackagesScreen } from './sync/PackagesScreen';
import { SyncSettingsScreen } from './sync/SyncSettingsScreen';
import { renderCommunityRoute } from './community/routes';
import { RollsScreen } from './rolls/RollsScreen';
import { BackupScreen } from './backup/BackupScreen';
import { RosterImportScreen } from './import/RosterImportScreen';
import { communityRouteNames, type CommunityRoute } from './community/routeTypes';
import { renderElderlyCareRoute } from './elderlyCare/routes';
import { renderDynamicsRoute } from './dynamics/routes';
import { dynamicsRouteNames, type DynamicsRoute } from './dynamics/routeTypes';
import { elderlyCareRouteNames, type ElderlyCareRoute } from './elderlyCare/routeTypes';
import { isPapersRoute, renderPapersRoute } from './papers/routes';

/**
 * Maps each route to its screen. The app shell renders whatever this returns. Keys
 * carry the record id, so opening another person or case starts with fresh state
 * instead of reusing the previous screen's.
 */
export function renderRoute(route: Route): ReactNode {
  if (isElderlyCareRoute(route)) return renderElderlyCareRoute(route);
  if (isCommunityRoute(route)) return renderCommunityRoute(route);
  if (isPapersRoute(route)) return renderPapersRoute(route);
  if ((dynamicsRouteNames as readonly string[]).includes(route.name)) {
    return renderDynamicsRoute(route as DynamicsRoute);
  }
  switch (route.name) {
    case 'persons':
      return <PersonsScreen />;
    case 'person':
      return <PersonScreen key={route.id} id={route.id} />;
    case 'householdNew':
      return <HouseholdFormScreen />;
    case 'household':
      return <HouseholdScreen key={route.id} id={route.id} />;
    case 'cases':
      return <CasesScreen />;
    case 'caseNew':
      return (
        <CaseFormScreen
          key={`${route.householdId ?? ''}:${route.programme ?? ''}`}
          householdId={route.householdId}
          programme={route.programme}
        />
      );
    case 'case':
      return <CaseScreen key={route.id} id={route.id} />;
    case 'caseEdit':
      return <CaseEditScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'syncSettings':
      return <SyncSettingsScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'packages':
      return <PackagesScreen />;
    case 'rolls':
      return <RollsScreen />;
    case 'medical':
      return <MedicalScreen />;
    case 'rosterImport':
      return <RosterImportScreen />;
    case 'backup':
      return <BackupScreen />;
  }
}

export function isElderlyCareRoute(route: Route): route is ElderlyCareRoute {
  return (elderlyCareRouteNames as readonly string[]).includes(route.name);
}

export function isCommunityRoute(route: Route): route is CommunityRoute {
  return (communityRouteNames as readonly string[]).includes(route.name);
}
