import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toAppErrorData } from '@shared/errors/appError';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import type { ListSource } from '../../../renderer/src/export/listDefinition';
import { personsList, type PersonRow } from '../../../renderer/src/export/lists/persons';
import type * as Owner from '../../../renderer/src/state/workOwner';
import type { LocalUser } from '../../../renderer/src/db/repositories/users';
import { sessionInNode } from '../../support/sessionInNode';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';

/**
 * An export belongs to the person who began it (state/workOwner.ts). An Electron
 * desk's store stays open after a logout (its key is the OS key store's), so before this
 * an export went on reading after its supervisor logged out, wrote "exported in full"
 * to the access log under their name, and offered the file — every full ID number — in
 * a save dialog at the login screen or in the next person's session. Now a logout stops
 * the reading at its next page, and the idle lock holds the log and the file back until
 * the same person unlocks; each case on a real store, through the session as the app
 * drives it.
 */
// The session keeps its login throttle in localStorage (none in Node).
const { session } = sessionInNode();
let owner: typeof Owner;
beforeAll(async () => {
  owner = await import('../../../renderer/src/state/workOwner');
});

const chief = { id: 'user-supervisor', username: 'li' } as LocalUser;
const clerk = { id: 'user-registrar', username: 'wang' } as LocalUser;

async function office() {
  const desk = await openTestDesk(new Date('2026-07-02T09:00:00+08:00'));
  await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
  session().useSession.setState({ db: desk.db, user: chief, phase: 'ready' });
  return { ...desk, ctx: desk.as('supervisor') };
}

/** The persons one a page (three pages), `between(page)` run after each page is read. */
function onePerPage(
  db: DeskDatabase,
  read: { pages: number },
  between: (page: number) => void,
): ListSource<PersonRow> {
  return {
    filterWords: '',
    tables: [db.persons.name],
    pages: async function* () {
      for (const person of (await db.persons.orderBy('id').toArray()) as Person[]) {
        read.pages += 1;
        yield [{ person, household: undefined }];
        between(read.pages);
      }
    },
  };
}

const exportEntries = async (db: DeskDatabase) =>
  (await db.accessLog.toArray()).filter((e) => e.action === 'export').length;

const reasonOf = async (promise: Promise<unknown>) =>
  toAppErrorData(
    await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    ),
  ).details?.reason;

/** The persons list exported as the supervisor, whose work it is unless `theirs` says. */
const exportOf = (
  db: DeskDatabase,
  ctx: WriteContext,
  source: ListSource<PersonRow>,
  theirs: Pick<Owner.WorkOwner, 'check' | 'handOut'> = owner.workOwner(chief.id),
) => runListExport(db, ctx, personsList, source, undefined, theirs);

/** The owner, telling when the export has come to hand its file out (and waits there). */
function watch(theirs: Owner.WorkOwner) {
  let waiting = false;
  const watched = { check: theirs.check, handOut: () => ((waiting = true), theirs.handOut()) };
  return { watched, waiting: () => waiting };
}

/** An export read whole, the desk locked on its last page, waiting to hand its file out. */
async function waitingUnderTheLock() {
  const { db, ctx } = await office();
  const source = onePerPage(db, { pages: 0 }, (page) => {
    if (page === 3) session().useSession.setState({ phase: 'locked' });
  });
  const { watched, waiting } = watch(owner.workOwner(chief.id));
  const exporting = exportOf(db, ctx, source, watched);
  await vi.waitFor(() => expect(waiting()).toBe(true), { timeout: 5_000 });
  await settle();
  return { db, exporting };
}

/** Lets every pending callback run (the export's reads and the store's answers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('an export and the person who began it', () => {
  it('stops at the next page once they log out: no file, nothing logged', async () => {
    const { db, ctx } = await office();
    const read = { pages: 0 };
    const source = onePerPage(db, read, (page) => {
      if (page === 1) session().useSession.setState({ user: null, phase: 'login' });
    });
    const exporting = exportOf(db, ctx, source);
    expect(await reasonOf(exporting)).toBe('session_ended');
    // The reading stopped at the first page after the logout, not after all three.
    expect(read.pages).toBeLessThan(3);
    expect(await exportEntries(db)).toBe(0);
  });

  it('gives the next person at the desk nothing of it', async () => {
    const { db, ctx } = await office();
    const source = onePerPage(db, { pages: 0 }, (page) => {
      if (page === 3) session().useSession.setState({ user: clerk, phase: 'ready' });
    });
    const exporting = exportOf(db, ctx, source);
    expect(await reasonOf(exporting)).toBe('session_ended');
    expect(await exportEntries(db)).toBe(0);
  });

  it('holds the log and the file while the desk is locked, until the same person unlocks', async () => {
    const { db, ctx } = await office();
    const source = onePerPage(db, { pages: 0 }, (page) => {
      if (page === 1) session().useSession.setState({ phase: 'locked' });
    });
    const { watched, waiting } = watch(owner.workOwner(chief.id));
    let file: Awaited<ReturnType<typeof runListExport>> | undefined;
    const exporting = exportOf(db, ctx, source, watched).then((done) => (file = done));
    // The idle lock does not stop the reading, but nothing is handed out over it.
    await vi.waitFor(() => expect(waiting() || file !== undefined).toBe(true), { timeout: 5_000 });
    await settle();
    expect(file).toBeUndefined();
    expect(await exportEntries(db)).toBe(0);
    session().useSession.setState({ phase: 'ready' });
    await exporting;
    expect(file?.rows).toBe(3);
    expect(file?.full).toBe(true);
    expect(await exportEntries(db)).toBe(1);
  });

  it('gives nothing out if they log out from the lock screen instead', async () => {
    const { db, exporting } = await waitingUnderTheLock();
    // Logged out while the export waits for the lock to lift.
    session().useSession.setState({ user: null, phase: 'login' });
    expect(await reasonOf(exporting)).toBe('session_ended');
    expect(await exportEntries(db)).toBe(0);
  });

  it('is not offered at their next login: a new session, not the one it began in', async () => {
    const { db, exporting } = await waitingUnderTheLock();
    // Out and in again, the same person (a login counts a new session).
    const { sessionSeq } = session().useSession.getState();
    session().useSession.setState({ user: chief, phase: 'ready', sessionSeq: sessionSeq + 2 });
    expect(await reasonOf(exporting)).toBe('session_ended');
    expect(await exportEntries(db)).toBe(0);
  });

  it('belongs to nobody when nobody began it', async () => {
    const { db, ctx } = await office();
    const source = onePerPage(db, { pages: 0 }, () => undefined);
    const exporting = exportOf(db, ctx, source, owner.workOwner(null));
    expect(await reasonOf(exporting)).toBe('session_ended');
  });

  it('lets a paper out only if its person is still here once its log is written', async () => {
    await office();
    const logs: string[] = [];
    await owner.workOwner(chief.id).loggedHandOut(async () => void logs.push('printed'));
    expect(logs).toEqual(['printed']);
    // Logged out while the log was written: it is written, the paper is not let out.
    const late = owner.workOwner(chief.id).loggedHandOut(async () => {
      logs.push('printed again');
      session().useSession.setState({ user: null, phase: 'login' });
    });
    expect(await reasonOf(late)).toBe('session_ended');
    // Already gone: not even logged.
    const gone = owner.workOwner(chief.id).loggedHandOut(async () => void logs.push('never'));
    expect(await reasonOf(gone)).toBe('session_ended');
    expect(logs).toEqual(['printed', 'printed again']);
  });
});
