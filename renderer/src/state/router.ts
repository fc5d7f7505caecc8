import { create } from 'zustand';
import type { CommunityRoute } from '../screens/community/routeTypes';
import type { ElderlyCareRoute } from '../screens/elderlyCare/routeTypes';

/** The screens of the desk. A tiny typed router: no URLs to parse, no invalid routes. */
export type Route = CoreRoute | ElderlyCareRoute | CommunityRoute;

export type CoreRoute =
  | { name: 'persons' }
  | { name: 'person'; id: string }
  | { name: 'householdNew' }
  | { name: 'household'; id: string }
  | { name: 'cases' }
  | { name: 'caseNew'; householdId?: string }
  | { name: 'case'; id: string }
  | { name: 'caseEdit'; id: string }
  | { name: 'settings' }
  | { name: 'accounts' }
  | { name: 'syncSettings' }
  | { name: 'conflicts' }
  | { name: 'packages' }
  | { name: 'medical' };

interface RouterState {
  route: Route;
  navigate: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: { name: 'persons' },
  navigate: (route) => set({ route }),
}));
