import type { ReactNode } from 'react';
import type { CommunityRoute } from './routeTypes';

export function renderCommunityRoute(route: CommunityRoute): ReactNode {
  return <div data-route={route.name} />;
}
