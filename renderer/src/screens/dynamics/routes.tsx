import type { ReactNode } from 'react';
import { CaseReviewScreen } from './CaseReviewScreen';
import { RecomputationsScreen } from './RecomputationsScreen';
import { ReviewsDueScreen } from './ReviewsDueScreen';
import type { DynamicsRoute } from './routeTypes';

export function renderDynamicsRoute(route: DynamicsRoute): ReactNode {
  switch (route.name) {
    case 'reviewsDue':
      return <ReviewsDueScreen />;
    case 'caseReview':
      return <CaseReviewScreen key={route.id} id={route.id} />;
    case 'recomputations':
      return <RecomputationsScreen />;
  }
}
