/**
 * Bundled (esbuild) and evaluated in the desk's page by test/e2e/chromium/deskPage.ts:
 * the desk's own store opened as a login opens it (the account's password unwraps the
 * data key, docs/at-rest.md), so a test reads and writes records as the desk holds them,
 * sealed rows opened. The raw IndexedDB API sees only sealed rows.
 */
import { DeskDatabase } from '../../../../renderer/src/db/database';
import { unlockWithPassword } from '../../../../renderer/src/db/atRest/passwordWraps';

interface Account {
  username: string;
  password: string;
}

async function opened(account: Account): Promise<DeskDatabase> {
  const db = new DeskDatabase();
  await db.open();
  if (!(await unlockWithPassword(db, account.username, account.password))) {
    db.close();
    throw new Error(`${account.username}'s password does not open the desk store.`);
  }
  return db;
}

async function read(store: string, account: Account): Promise<unknown[]> {
  const db = await opened(account);
  try {
    return await db.table(store).toArray();
  } finally {
    db.close();
  }
}

/** Every store's rows, opened: what the desk holds, as JSON text. */
async function readAll(account: Account): Promise<string> {
  const db = await opened(account);
  try {
    const out: string[] = [];
    for (const table of db.tables) out.push(JSON.stringify(await table.toArray()));
    return out.join('\n');
  } finally {
    db.close();
  }
}

async function put(byStore: Record<string, unknown[]>, account: Account): Promise<void> {
  const db = await opened(account);
  try {
    await db.transaction('rw', Object.keys(byStore), async () => {
      for (const [store, rows] of Object.entries(byStore)) await db.table(store).bulkPut(rows);
    });
  } finally {
    db.close();
  }
}

async function remove(store: string, keys: (string | number)[], account: Account) {
  const db = await opened(account);
  try {
    await db.table(store).bulkDelete(keys);
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    deskStoreAccess: {
      read: typeof read;
      readAll: typeof readAll;
      put: typeof put;
      remove: typeof remove;
    };
  }
}

window.deskStoreAccess = { read, readAll, put, remove };
