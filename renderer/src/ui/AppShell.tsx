import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import FamilyIcon from '@mui/icons-material/FamilyRestroomOutlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import BedIcon from '@mui/icons-material/BedOutlined';
import CampaignIcon from '@mui/icons-material/CampaignOutlined';
import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import SyncIcon from '@mui/icons-material/SyncOutlined';
import UsbIcon from '@mui/icons-material/Usb';
import BackupIcon from '@mui/icons-material/BackupOutlined';
import VolunteerIcon from '@mui/icons-material/VolunteerActivismOutlined';
import MedicalIcon from '@mui/icons-material/LocalHospitalOutlined';
import ImportIcon from '@mui/icons-material/UploadFileOutlined';
import {
  AppBar,
  Box,
  Button,
  Divider,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { doesCasework, holdsAny, type LocalRole } from '@shared/domain/roles';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { isCommunityRoute, isElderlyCareRoute, renderRoute } from '../screens/routes';
import { canUsePackages } from '../screens/sync/PackagesScreen';
import { useRouter, type Route } from '../state/router';
import { useRoles, useSession } from '../state/session';
import { rolesLabel } from '../screens/settings/roleLabels';
import { KeyboardShortcuts } from '../keyboard/KeyboardShortcuts';
import { OfficeCalendarProvider } from '../screens/common/officeCalendar';
import { ChangePasswordDialog } from '../screens/accounts/ChangePasswordDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatusBar } from './SyncStatusBar';
import { useLiveSettings } from './useLiveSettings';

/** The menu's width: English labels are longer ("Medical assistance" broke in two). */
const drawerWidth = { 'zh-CN': 196, en: 232 } as const;

type Section =
  | 'persons'
  | 'households'
  | 'cases'
  | 'papers'
  | 'dynamics'
  | 'rolls'
  | 'elderlyCare'
  | 'community'
  | 'medical'
  | 'import'
  | 'packages'
  | 'backup'
  | 'settings'
  | 'sync'
  | 'accounts';

/** The casework areas: shown only to an account holding a casework role. */
const casework: readonly Section[] = [
  'persons',
  'households',
  'cases',
  'papers',
  'dynamics',
  'rolls',
  'elderlyCare',
  'community',
  'medical',
  'import',
];

interface NavItem {
  section: Section;
  label: MessageKey;
  icon: ReactNode;
  target: Route;
  /** Shown only to an account whose roles this allows (all when absent). */
  visible?: (roles: readonly LocalRole[]) => boolean;
}

const navItems: NavItem[] = [
  { section: 'persons', label: 'nav.persons', icon: <PeopleIcon />, target: { name: 'persons' } },
  {
    section: 'households',
    label: 'nav.households',
    icon: <FamilyIcon />,
    target: { name: 'householdNew' },
  },
  { section: 'cases', label: 'nav.cases', icon: <AssignmentIcon />, target: { name: 'cases' } },
  {
    section: 'papers',
    label: 'nav.papers',
    icon: <CampaignIcon />,
    target: { name: 'noticeList' },
  },
  {
    section: 'dynamics',
    label: 'nav.dynamics',
    icon: <EventRepeatIcon />,
    target: { name: 'reviewsDue' },
  },
  { section: 'rolls', label: 'nav.rolls', icon: <PaymentsIcon />, target: { name: 'rolls' } },
  { section: 'medical', label: 'nav.medical', icon: <MedicalIcon />, target: { name: 'medical' } },
  { section: 'elderlyCare', label: 'nav.elderlyCare', icon: <BedIcon />, target: { name: 'beds' } },
  {
    section: 'community',
    label: 'nav.community',
    icon: <VolunteerIcon />,
    target: { name: 'services' },
  },
  {
    section: 'import',
    label: 'nav.import',
    icon: <ImportIcon />,
    target: { name: 'rosterImport' },
    visible: (roles) => roles.includes('supervisor'),
  },
  {
    section: 'packages',
    label: 'nav.packages',
    icon: <UsbIcon />,
    target: { name: 'packages' },
    visible: (roles) => roles.some(canUsePackages),
  },
  {
    section: 'backup',
    label: 'nav.backup',
    icon: <BackupIcon />,
    target: { name: 'backup' },
    visible: (roles) => roles.includes('supervisor'),
  },
  {
    section: 'settings',
    label: 'nav.settings',
    icon: <SettingsIcon />,
    target: { name: 'settings' },
  },
  {
    section: 'sync',
    label: 'nav.sync',
    icon: <SyncIcon />,
    target: { name: 'syncSettings' },
    visible: (roles) => holdsAny(roles, ['supervisor', 'admin']),
  },
  {
    section: 'accounts',
    label: 'nav.accounts',
    icon: <BadgeIcon />,
    target: { name: 'accounts' },
    visible: (roles) => roles.includes('admin'),
  },
];

function visibleTo(item: NavItem, roles: readonly LocalRole[]): boolean {
  if (casework.includes(item.section) && !doesCasework(roles)) return false;
  return !item.visible || item.visible(roles);
}

/** Which menu entry a detail screen belongs to, so the menu keeps the user oriented. */
function sectionOf(route: Route): Section {
  if (isElderlyCareRoute(route)) return 'elderlyCare';
  if (isCommunityRoute(route)) return 'community';
  switch (route.name) {
    case 'persons':
    case 'person':
      return 'persons';
    case 'householdNew':
    case 'household':
    case 'householdPaper':
      return 'households';
    case 'cases':
    case 'caseNew':
    case 'case':
    case 'caseEdit':
    case 'casePaper':
      return 'cases';
    case 'noticeList':
      return 'papers';
    case 'packages':
      return 'packages';
    case 'backup':
      return 'backup';
    case 'rolls':
    case 'roster':
    case 'monthlyFigures':
      return 'rolls';
    case 'medical':
      return 'medical';
    case 'rosterImport':
      return 'import';
    case 'settings':
      return 'settings';
    case 'syncSettings':
    case 'conflicts':
      return 'sync';
    case 'accounts':
      return 'accounts';
    case 'reviewsDue':
    case 'caseReview':
    case 'recomputations':
      return 'dynamics';
  }
}

/** The logged-in frame: top bar, left menu, the current screen, sync status at the bottom. */
export function AppShell() {
  const { t, language } = useT();
  useLiveSettings();
  const navigate = useRouter((s) => s.navigate);
  const roles = useRoles();
  // An account without a casework role (the administrator) starts on the settings, and
  // a casework screen is never shown to it (the write path refuses its writes anyway).
  const asked = useRouter((s) => s.route);
  const route: Route =
    casework.includes(sectionOf(asked)) && !doesCasework(roles) ? { name: 'settings' } : asked;
  const current = sectionOf(route);
  const shown = navItems.filter((item) => visibleTo(item, roles));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <TopBar />
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Drawer
          variant="permanent"
          // The theme outlines every Paper; the menu only needs its right edge.
          slotProps={{ paper: { variant: 'elevation', elevation: 0 } }}
          sx={{
            width: drawerWidth[language],
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: drawerWidth[language], position: 'relative' },
          }}
        >
          <Box component="nav" aria-label={t('nav.label')}>
            <List>
              {shown.map((item) => (
                <ListItemButton
                  key={item.section}
                  selected={item.section === current}
                  aria-current={item.section === current ? 'page' : undefined}
                  onClick={() => navigate(item.target)}
                  // 15 items for a supervisor who administers fit a 768-pixel window, only
                  // just (6 px to spare); beyond that the menu scrolls.
                  sx={{ py: 0.75 }}
                >
                  <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                  <ListItemText primary={t(item.label)} />
                </ListItemButton>
              ))}
            </List>
          </Box>
        </Drawer>
        <Box component="main" sx={{ flex: 1, minWidth: 0, overflow: 'auto', p: 3 }}>
          <KeyboardShortcuts />
          <OfficeCalendarProvider>{renderRoute(route)}</OfficeCalendarProvider>
        </Box>
      </Box>
      <SyncStatusBar />
    </Box>
  );
}

function TopBar() {
  const { t } = useT();
  const officeName = useSession((s) => s.settings?.officeName ?? '');
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const logout = useSession((s) => s.logout);
  const [changing, setChanging] = useState(false);
  const userLine = user
    ? t('shell.user', { name: user.displayName, role: rolesLabel(t, user.roles) })
    : '';

  return (
    <AppBar position="static" elevation={0}>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
      <Toolbar variant="dense" sx={{ gap: 1 }}>
        <Typography variant="h6" component="div" noWrap sx={{ fontWeight: 600 }}>
          {t('app.name')}
        </Typography>
        <Divider
          orientation="vertical"
          flexItem
          sx={{ mx: 1, borderColor: 'rgba(255,255,255,.4)' }}
        />
        {/* Cut with … when the bar is short of room (a long office name, English): the
            whole on hover. */}
        <Typography
          component="div"
          noWrap
          data-testid="office-name"
          title={officeName}
          // Shrinks from its own width, never below 6em (with a zero basis the user's line
          // kept its whole width and the name could vanish).
          sx={{ flex: '1 1 auto', minWidth: '6em' }}
        >
          {officeName}
        </Typography>
        {user && (
          <Typography
            component="div"
            noWrap
            data-testid="current-user"
            title={userLine}
            sx={{ mr: 1, minWidth: 0, flex: '0 1 auto', maxWidth: '40%' }}
          >
            {userLine}
          </Typography>
        )}
        <LanguageSwitch />
        <Button color="inherit" startIcon={<KeyIcon />} onClick={() => setChanging(true)}>
          {t('accounts.changeOwn')}
        </Button>
        <Button color="inherit" startIcon={<LockIcon />} onClick={lock}>
          {t('shell.lock')}
        </Button>
        <Button color="inherit" startIcon={<LogoutIcon />} onClick={logout}>
          {t('shell.logout')}
        </Button>
      </Toolbar>
    </AppBar>
  );
}
