import type { ReactNode } from 'react';
import type { SignedIn } from '../api';
import type { ConsoleMessageKey } from '../i18n/zh-CN';
import { AuditScreen } from './AuditScreen';
import { HomeScreen } from './HomeScreen';
import { UsersScreen } from './UsersScreen';
import { CaseFileScreen } from './queue/CaseFileScreen';
import { QueueScreen } from './queue/QueueScreen';
import { SpotCheckScreen } from './queue/SpotCheckScreen';
import { FiguresScreen } from './figures/FiguresScreen';
import { RollScreen } from './figures/RollScreen';
import { RollsScreen } from './figures/RollsScreen';
import { CalendarScreen } from './reference/CalendarScreen';
import { DelegationScreen } from './reference/DelegationScreen';
import { RulesScreen } from './reference/RulesScreen';
import { StandardsScreen } from './reference/StandardsScreen';
import { OfficeScreen } from './offices/OfficeScreen';
import { OfficesScreen } from './offices/OfficesScreen';
import { PackagesScreen } from './offices/PackagesScreen';

/** What every screen is given by the shell. */
export interface ScreenContext {
  session: SignedIn;
  /** A reviewer or an administrator (a viewer only reads). */
  mayDecide: boolean;
  admin: boolean;
  /** The rest of the address after the screen's own segment (`#/cases/<this>`), decoded. */
  param: string;
  /** A refusal: a 401 sends the page back to sign-in. */
  onError: (error: unknown) => void;
  /** Opens a screen by its address, e.g. `go('cases', id)`. */
  go: (screen: string, param?: string) => void;
}

/** The navigation's groups, in order; each screen names its own. */
export const navGroups = [
  { id: 'work', label: 'navGroup.work' },
  { id: 'payments', label: 'navGroup.payments' },
  { id: 'reference', label: 'navGroup.reference' },
  { id: 'offices', label: 'navGroup.offices' },
  { id: 'admin', label: 'navGroup.admin' },
] as const satisfies readonly { id: string; label: ConsoleMessageKey }[];
export type NavGroup = (typeof navGroups)[number]['id'];

export interface ConsoleScreen {
  /** The address segment, `#/<id>`. */
  id: string;
  group: NavGroup;
  /** Its tab's words; a screen without one (a detail page) lights its `tab` instead. */
  label?: ConsoleMessageKey;
  tab?: string;
  adminOnly?: boolean;
  render: (context: ScreenContext) => ReactNode;
}

/**
 * Every console screen, in tab order: one entry per screen (HQ checks the same rights on
 * every call, hq/src/console/roles.ts; hiding a tab is a courtesy, not the rule).
 */
export const homeScreen: ConsoleScreen = {
  id: '',
  group: 'work',
  label: 'nav.home',
  render: (c) => <HomeScreen session={c.session} />,
};

export const consoleScreens: readonly ConsoleScreen[] = [
  homeScreen,
  {
    id: 'queue',
    group: 'work',
    label: 'nav.queue',
    render: (c) => (
      <QueueScreen mayDecide={c.mayDecide} onError={c.onError} onOpen={(id) => c.go('cases', id)} />
    ),
  },
  {
    id: 'cases',
    group: 'work',
    tab: 'queue',
    render: (c) => (
      <CaseFileScreen
        key={c.param}
        caseId={c.param}
        mayDecide={c.mayDecide}
        onError={c.onError}
        onBack={() => c.go('queue')}
      />
    ),
  },
  {
    id: 'spot-checks',
    group: 'work',
    label: 'nav.spotChecks',
    render: (c) => (
      <SpotCheckScreen
        mayDecide={c.mayDecide}
        onError={c.onError}
        onOpen={(id) => c.go('cases', id)}
      />
    ),
  },
  {
    id: 'rolls',
    group: 'payments',
    label: 'nav.rolls',
    render: (c) => <RollsScreen onError={c.onError} onOpen={(id) => c.go('roll', id)} />,
  },
  {
    id: 'roll',
    group: 'payments',
    tab: 'rolls',
    render: (c) => (
      <RollScreen key={c.param} rollId={c.param} onError={c.onError} onBack={() => c.go('rolls')} />
    ),
  },
  {
    id: 'figures',
    group: 'payments',
    label: 'nav.figures',
    render: (c) => <FiguresScreen onError={c.onError} />,
  },
  {
    id: 'standards',
    group: 'reference',
    label: 'nav.standards',
    render: (c) => <StandardsScreen admin={c.admin} onError={c.onError} />,
  },
  {
    id: 'calendar',
    group: 'reference',
    label: 'nav.calendar',
    render: (c) => <CalendarScreen admin={c.admin} onError={c.onError} />,
  },
  {
    id: 'delegations',
    group: 'reference',
    label: 'nav.delegations',
    render: (c) => <DelegationScreen admin={c.admin} onError={c.onError} />,
  },
  {
    id: 'rules',
    group: 'reference',
    label: 'nav.rules',
    render: (c) => <RulesScreen admin={c.admin} onError={c.onError} />,
  },
  {
    id: 'offices',
    group: 'offices',
    label: 'nav.offices',
    render: (c) => (
      <OfficesScreen admin={c.admin} onError={c.onError} onOpen={(id) => c.go('office', id)} />
    ),
  },
  {
    id: 'office',
    group: 'offices',
    tab: 'offices',
    render: (c) => (
      <OfficeScreen
        key={c.param}
        officeId={c.param}
        admin={c.admin}
        onError={c.onError}
        onBack={() => c.go('offices')}
      />
    ),
  },
  {
    id: 'packages',
    group: 'offices',
    label: 'nav.packages',
    adminOnly: true,
    render: (c) => <PackagesScreen onError={c.onError} />,
  },
  {
    id: 'users',
    group: 'admin',
    label: 'nav.users',
    adminOnly: true,
    render: (c) => <UsersScreen me={c.session.user} onError={c.onError} />,
  },
  {
    id: 'audit',
    group: 'admin',
    label: 'nav.audit',
    adminOnly: true,
    render: (c) => <AuditScreen onError={c.onError} />,
  },
];
