import type { ReactNode } from 'react';
import type { SignedIn } from '../api';
import type { ConsoleMessageKey } from '../i18n/zh-CN';
import { AuditScreen } from './AuditScreen';
import { HomeScreen } from './HomeScreen';
import { UsersScreen } from './UsersScreen';
import { CaseFileScreen } from './queue/CaseFileScreen';
import { QueueScreen } from './queue/QueueScreen';
import { SpotCheckScreen } from './queue/SpotCheckScreen';
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

export interface ConsoleScreen {
  /** The address segment, `#/<id>`. */
  id: string;
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
  label: 'nav.home',
  render: (c) => <HomeScreen session={c.session} />,
};

export const consoleScreens: readonly ConsoleScreen[] = [
  homeScreen,
  {
    id: 'queue',
    label: 'nav.queue',
    render: (c) => (
      <QueueScreen mayDecide={c.mayDecide} onError={c.onError} onOpen={(id) => c.go('cases', id)} />
    ),
  },
  {
    id: 'cases',
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
    id: 'offices',
    label: 'nav.offices',
    render: (c) => (
      <OfficesScreen admin={c.admin} onError={c.onError} onOpen={(id) => c.go('office', id)} />
    ),
  },
  {
    id: 'office',
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
    label: 'nav.packages',
    adminOnly: true,
    render: (c) => <PackagesScreen onError={c.onError} />,
  },
  {
    id: 'users',
    label: 'nav.users',
    adminOnly: true,
    render: (c) => <UsersScreen me={c.session.user} onError={c.onError} />,
  },
  {
    id: 'audit',
    label: 'nav.audit',
    adminOnly: true,
    render: (c) => <AuditScreen onError={c.onError} />,
  },
];
