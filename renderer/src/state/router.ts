import { create } from 'zustand';

/** The screens of the desk. A tiny typed router: no URLs to parse, no invalid routes. */
export type Route =
  | { name: 'persons' }
  | { name: 'person'; id: string }
  | { name: 'householdNew' }
  | { name: 'household'; id: string }
  | { name: 'cases' }
  | { name: 'caseNew'; householdId?: string }
  | { name: 'case'; id: string }
  | { name: 'settings' };

interface RouterState {
  route: Route;
  navigate: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: { name: 'persons' },
  navigate: (route) => set({ route }),
}));
