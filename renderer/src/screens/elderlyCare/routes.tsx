import type { ReactNode } from 'react';
import type { ElderlyCareRoute } from './routeTypes';

export function renderElderlyCareRoute(route: ElderlyCareRoute): ReactNode {
  return <div data-route={route.name} />;
}
