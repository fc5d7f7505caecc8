import type { ReactNode } from 'react';
import type { Route } from '../state/router';

/** Maps each route to its screen. The app shell renders whatever this returns. */
export function renderRoute(route: Route): ReactNode {
  return <div data-route={route.name}>{route.name}</div>;
}
