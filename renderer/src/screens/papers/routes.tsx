import type { ReactNode } from 'react';
import { CasePaperScreen } from './CasePaperScreen';
import { NoticeListScreen } from './NoticeListScreen';
import { HouseholdRegisterScreen } from './office/HouseholdRegisterScreen';
import { MonthlyFiguresScreen } from './office/MonthlyFiguresScreen';
import { RosterScreen } from './office/RosterScreen';
import { papersRouteNames, type PapersRoute } from './routeTypes';

export function isPapersRoute(route: { name: string }): route is PapersRoute {
  return (papersRouteNames as readonly string[]).includes(route.name);
}

/** Keys carry the case and paper, so opening another starts with fresh screen state. */
export function renderPapersRoute(route: PapersRoute): ReactNode {
  switch (route.name) {
    case 'casePaper':
      return (
        <CasePaperScreen key={`${route.id}:${route.paper}`} id={route.id} paper={route.paper} />
      );
    case 'noticeList':
      return <NoticeListScreen key={route.village ?? ''} village={route.village} />;
    case 'householdPaper':
      return <HouseholdRegisterScreen key={route.id} id={route.id} />;
    case 'roster':
      return <RosterScreen programme={route.programme} month={route.month} />;
    case 'monthlyFigures':
      return <MonthlyFiguresScreen month={route.month} />;
  }
}
