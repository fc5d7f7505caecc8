import { create } from 'zustand';
import { leadRole, type LocalRole } from '@shared/domain/roles';
import { newDataKey } from '@shared/atRest/cipher';
import { fromBase64 } from '@shared/package/webCrypto';
import { DeskDatabase } from '../db/database';
import { dataKeySource, setDataKeySource } from '../db/atRest/keySource';
import { dropStaleWraps, hasCurrentWrap, wrapForPassword } from '../db/atRest/passwordWraps';
import {
  forgetUnclaimedKey,
  installDataKey,
  isStoreSealed,
  loadDataKey,
} from '../db/atRest/storeKeys';
import { firstRunElsewhereEnded, holdFirstRun, releaseFirstRun } from '../db/atRest/firstRunLock';
import { finishLogin, lockStoreAtLogout, openStoreForLogin } from '../db/atRest/loginStore';
import { getDeskApi } from '../platform/deskApi';
import {
  ensureDeviceId,
  loadSettings,
  type StoredOfficeSettings,
} from '../db/repositories/settingsReads';
import { actorOf, authenticate, hasAnyUser, type LocalUser } from '../db/repositories/accountReads';
import type { WriteContext } from '../db/writeContext';
import { AttemptThrottle, localStorageThrottleStore } from '../auth/attemptThrottle';
import type { Language } from '../i18n/translate';
import { lazyChunk } from '../ui/lazyChunk';
import type * as SessionWrites from './sessionWrites';
import { useRouter } from './router';

/** The start's and login's writes (sessionWrites.ts), loaded once; fetched early too. */
export const sessionWritesChunk = lazyChunk<typeof SessionWrites>(() => import('./sessionWrites'));
const loadSessionWrites = sessionWritesChunk.load;

/**
 * Who is at the desk. `phase` drives the top-level screen: first-run setup, login,
 * the app, or the lock screen after idle time. The logged-in user is the actor of
 * every change (see writeContext()).
 */
export type SessionPhase =
  | 'loading'
  | 'setup'
  /** Another tab of this desk is making its first run: waited for. */
  | 'setupElsewhere'
  | 'login'
  /** Logged in with a password an administrator reset: a new one first (issue #16). */
  | 'changePassword'
  | 'ready'
  | 'locked';

interface SessionState {
  phase: SessionPhase;
  db: DeskDatabase;
  deviceId: string;
  settings: StoredOfficeSettings | null;
  user: LocalUser | null;
  /**
   * Counts the page's logins and logouts: work a person began belongs to the session it
   * began in (state/workOwner.ts), not to the next time they log in. The idle lock and its
   * unlock keep it.
   */
  sessionSeq: number;
  language: Language;
  init: () => Promise<void>;
  setSettings: (settings: StoredOfficeSettings) => void;
  /** Returns false when the username or password is wrong, or attempts are throttled. */
  login: (username: string, password: string) => Promise<boolean>;
  /** Seconds until password attempts are allowed again (0 = now). */
  retryInSeconds: () => number;
  /** The logged-in account after it chose a new password (the app opens). */
  passwordChanged: (user: LocalUser) => void;
  logout: () => void;
  lock: () => void;
  unlock: (password: string) => Promise<boolean>;
  setLanguage: (language: Language) => void;
}

const languageKey = 'desk.language';
// Kept in localStorage: a reload or restart does not give a guesser fresh attempts.
const throttle = new AttemptThrottle(5, 30_000, localStorageThrottleStore());

function initialLanguage(): Language {
  return localStorage.getItem(languageKey) === 'en' ? 'en' : 'zh-CN';
}

// The store's data key from the OS key store (Electron), asked for as the store is made;
// the web build has none and opens the store by a password at login. Unless a source is
// set already (the tests' and the bench's own keys).
if (!dataKeySource()) {
  setDataKeySource(async () => {
    const { key } = await getDeskApi().storeDataKey();
    return key === null ? null : fromBase64(key);
  });
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  db: new DeskDatabase(),
  deviceId: '',
  settings: null,
  user: null,
  sessionSeq: 0,
  language: initialLanguage(),

  init: async () => {
    const { db } = get();
    // Before the store's first use, so even its schema upgrades run with the key.
    await loadDataKey(db.atRest);
    const [deviceId, settings, anyUser] = await Promise.all([
      ensureDeviceId(db),
      loadSettings(db),
      hasAnyUser(db),
    ]);
    // A new desk without an OS key store (the web build): a new key for its first run,
    // which wraps it for the first administrator's password. One tab at a time: another
    // tab making the desk's first run is waited for (firstRunLock.ts).
    if (!anyUser && !db.atRest.keys) {
      if (!(await holdFirstRun(db.name))) {
        set({ phase: 'setupElsewhere' });
        await firstRunElsewhereEnded(db.name);
        return get().init();
      }
      // The accounts read again under the hold: a first run another tab finished just
      // before it (read as none above) is the desk's, not an abandoned one.
      if ((await isStoreSealed(db)) && !(await forgetUnclaimedKey(db))) {
        releaseFirstRun();
        return get().init();
      }
      await installDataKey(db, db.atRest, newDataKey());
    }
    if (anyUser) releaseFirstRun();
    // Accounts made before they synced as office records get theirs now (HQ checks
    // every op's actor against them). A locked store does it after the login.
    if (settings && db.atRest.keys)
      await (
        await loadSessionWrites()
      ).ensureStaffRecords(db, {
        deviceId,
        officeId: settings.officeId,
        now: () => new Date(),
      });
    set({ deviceId, settings, phase: settings && anyUser ? 'login' : 'setup' });
  },

  setSettings: (settings) => set({ settings }),

  retryInSeconds: () => Math.ceil(throttle.waitMs(Date.now()) / 1000),

  login: async (username, password) => {
    if (throttle.waitMs(Date.now()) > 0) return false;
    const { db, settings, deviceId } = get();
    // The store opens by this password if locked, or is sealed if it never was; a login
    // refused (or failing below) leaves it as locked as it was.
    const wasLocked = !db.atRest.keys;
    const proven = await openStoreForLogin(db, username, password);
    throttle.record(proven !== null, Date.now());
    if (!proven) return false;
    const {
      ensureStaffRecords,
      upgradePasswordHash,
      logStoreAlterations,
      loadRecoveryKey,
      hasRecoveryWrap,
      wrapForRecovery,
    } = await loadSessionWrites();
    const user = await finishLogin(db, wasLocked, async () => {
      if (!(await hasCurrentWrap(db, username))) await wrapForPassword(db, username, password);
      const recovery = await loadRecoveryKey(db);
      if (recovery && !(await hasRecoveryWrap(db, recovery.publicKey))) {
        await wrapForRecovery(db, recovery.publicKey);
      }
      if (settings) {
        await ensureStaffRecords(db, {
          deviceId,
          officeId: settings.officeId,
          now: () => new Date(),
        });
      }
      const ctx = settings
        ? { actor: actorOf(proven), officeId: settings.officeId, deviceId, now: () => new Date() }
        : null;
      // What the store's open found done to it outside the desk, on the access record.
      if (ctx) await logStoreAlterations(db, ctx);
      // A hash made with an older, lower work factor is made again now (OWASP's count).
      const rehashed = ctx ? await upgradePasswordHash(db, ctx, proven, password) : proven;
      // A rehashed password gets a wrap for its new hash; then no wrap is left for an
      // account disabled, deleted or given a new password elsewhere (synced here).
      if (rehashed.passwordHash !== proven.passwordHash) {
        await wrapForPassword(db, username, password);
      }
      await dropStaleWraps(db);
      return rehashed;
    });
    // Every login starts at the home screen (not on the last person's case, nor where a
    // save of theirs that finished after their logout navigated to).
    useRouter.getState().navigate({ name: 'persons' });
    set({
      user,
      phase: user.mustChangePassword === true ? 'changePassword' : 'ready',
      sessionSeq: get().sessionSeq + 1,
    });
    return true;
  },

  // Only for the person still here, and never out of the lock: a change finishing after a
  // logout (its password hashes take a while) opened the desk again as them, and one
  // submitted under the lock screen opened the lock.
  passwordChanged: (user) => {
    const { user: now, phase } = get();
    if (now?.id !== user.id) return;
    if (phase === 'changePassword') {
      // The shell opens at the home screen, wherever a save of the last person's that
      // finished while the new password was typed navigated.
      useRouter.getState().navigate({ name: 'persons' });
    }
    if (phase === 'changePassword' || phase === 'ready') set({ user, phase: 'ready' });
    else if (phase === 'locked') set({ user });
  },

  // The web build's store locks again (its key came from the password); an Electron
  // store opened by the OS key store stays open for sync.
  logout: () => {
    set({ user: null, phase: 'login', sessionSeq: get().sessionSeq + 1 });
    lockStoreAtLogout(get().db);
  },

  lock: () => {
    if (get().phase === 'ready') set({ phase: 'locked' });
  },

  unlock: async (password) => {
    const { user, db, sessionSeq } = get();
    if (!user || throttle.waitMs(Date.now()) > 0) return false;
    const again = await authenticate(db, user.username, password);
    throttle.record(again !== null, Date.now());
    if (!again) return false;
    // 切换用户 while the password was checked: the lock screen is gone, and so is the
    // person; the unlock must not bring their session back.
    const now = get();
    if (now.phase !== 'locked' || now.user?.id !== user.id || now.sessionSeq !== sessionSeq) {
      return false;
    }
    set({ user: again, phase: 'ready' });
    return true;
  },

  setLanguage: (language) => {
    localStorage.setItem(languageKey, language);
    set({ language });
  },
}));

/** The write context of the logged-in user; throws when nobody is logged in. */
export function writeContext(): WriteContext {
  const { user, settings, deviceId } = useSession.getState();
  if (!user || !settings) throw new Error('No user is logged in.');
  return { actor: actorOf(user), officeId: settings.officeId, deviceId, now: () => new Date() };
}

const nobody: readonly LocalRole[] = [];

/**
 * The roles the logged-in account holds (none when nobody is logged in): what a screen
 * shows. The repositories and HQ check again; a hidden button is not a permission.
 */
export function useRoles(): readonly LocalRole[] {
  return useSession((s) => s.user?.roles ?? nobody);
}

/** The role the logged-in account acts in for casework (see leadRole), if anyone is in. */
export function useActingRole(): LocalRole | undefined {
  return useSession((s) => (s.user ? leadRole(s.user.roles) : undefined));
}
