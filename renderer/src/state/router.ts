import { create } from 'zustand';
import type { Programme } from '@shared/domain/assistanceCase';
import type { CommunityRoute } from '../screens/community/routeTypes';
import type { ElderlyCareRoute } from '../screens/elderlyCare/routeTypes';
import type { PapersRoute } from '../screens/papers/routeTypes';
import type { DynamicsRoute } from '../screens/dynamics/routeTypes';

/** The screens of the desk. A tiny typed router: no URLs to parse, no invalid routes. */
export type Route = CoreRoute | ElderlyCareRoute | CommunityRoute | PapersRoute | DynamicsRoute;

export type CoreRoute =
  | { name: 'persons' }
  | { name: 'person'; id: string }
  | { name: 'householdNew' }
  | { name: 'household'; id: string }
  | { name: 'cases' }
  | { name: 'caseNew'; householdId?: string; programme?: Programme }
  | { name: 'case'; id: string }
  | { name: 'caseEdit'; id: string }
  | { name: 'settings' }
  | { name: 'accounts' }
  | { name: 'syncSettings' }
  | { name: 'conflicts' }
  | { name: 'packages' }
  | { name: 'rolls' }
  | { name: 'medical' }
  | { name: 'rosterImport' }
  | { name: 'backup' };

interface RouterState {
  route: Route;
  navigate: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: { name: 'persons' },
  navigate: (route) => set({ route }),
}));
