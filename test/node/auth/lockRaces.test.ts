import { describe, expect, it } from 'vitest';
import { createUser } from '../../../renderer/src/db/repositories/users';
import { sessionInNode } from '../../support/sessionInNode';
import { useRouter } from '../../../renderer/src/state/router';
import { openTestDesk } from '../../fakes/deskFixtures';

/**
 * The lock screen's unlock and a password change take a while (their PBKDF2 hashes), and
 * the person at the desk can log out meanwhile: 切换用户 on the lock screen, 退出登录 on
 * the forced password change. On a store the OS key store opened (Electron's: a logout
 * leaves it open, for sync), the check finished after the logout and set the session
 * back to the person who had just left — the shell opened again as them. A password
 * change submitted under the lock screen (its dialog's Ctrl+S) opened the lock. Each on
 * a real store, through the session as the app drives it.
 */
// The session keeps its login throttle in localStorage (none in Node).
const { session } = sessionInNode();

/** wang logged in on a store the OS key store opened (as an Electron desk's is). */
async function loggedIn() {
  const { db, as } = await openTestDesk();
  await createUser(db, as('admin'), {
    username: 'wang',
    displayName: '王登记',
    roles: ['registrar'],
    password: 'window-01',
  });
  expect(db.atRest.openedBy).toBe('source');
  session().useSession.setState({ db, settings: null, user: null, phase: 'login' });
  expect(await session().useSession.getState().login('wang', 'window-01')).toBe(true);
  return session().useSession.getState;
}

describe('the lock screen and a logout at the same time', () => {
  it('an unlock that finishes after 切换用户 does not bring the session back', async () => {
    const state = await loggedIn();
    state().lock();
    const unlocking = state().unlock('window-01');
    state().logout();
    expect(await unlocking).toBe(false);
    expect(state()).toMatchObject({ phase: 'login', user: null });
  });

  it('an unlock by the right password still opens the lock', async () => {
    const state = await loggedIn();
    state().lock();
    expect(await state().unlock('window-01')).toBe(true);
    expect(state().phase).toBe('ready');
  });

  it('a password change does not open the lock, nor a session already left', async () => {
    const state = await loggedIn();
    const user = state().user;
    if (!user) throw new Error('logged in');
    state().lock();
    state().passwordChanged({ ...user, mustChangePassword: false });
    expect(state().phase).toBe('locked');
    state().logout();
    state().passwordChanged({ ...user, mustChangePassword: false });
    expect(state()).toMatchObject({ phase: 'login', user: null });
  });

  it('a forced password change opens the shell at home, wherever a late save navigated', async () => {
    const state = await loggedIn();
    const user = state().user;
    if (!user) throw new Error('logged in');
    session().useSession.setState({ phase: 'changePassword' });
    // The last person's save, finishing while the new password was typed.
    useRouter.getState().navigate({ name: 'case', id: 'case-of-the-last-person' });
    state().passwordChanged({ ...user, mustChangePassword: false });
    expect(state().phase).toBe('ready');
    expect(useRouter.getState().route).toEqual({ name: 'persons' });
  });
});
