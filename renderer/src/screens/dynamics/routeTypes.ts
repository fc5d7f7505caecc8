/** The 动态管理 screens' routes. */
export type DynamicsRoute =
  { name: 'reviewsDue' } | { name: 'caseReview'; id: string } | { name: 'recomputations' };

export const dynamicsRouteNames: readonly DynamicsRoute['name'][] = [
  'reviewsDue',
  'caseReview',
  'recomputations',
];
