import type { Route } from '../state/router';

/**
 * Ctrl+N: the new form of the area on screen, where the area has one (persons and
 * households → 新建户, cases → 新申请, care-home beds and residents → 入住登记, services → 新服务).
 */
export function newFormOf(route: Route): Route | null {
  switch (route.name) {
    case 'persons':
    case 'person':
    case 'household':
      return { name: 'householdNew' };
    case 'cases':
    case 'case':
      return { name: 'caseNew' };
    case 'beds':
    case 'elderlyResidents':
    case 'elderlyResident':
      return { name: 'elderlyResidentNew' };
    case 'services':
    case 'service':
      return { name: 'serviceNew' };
    default:
      return null;
  }
}
