/**
 * The few sync facts the desk keeps in its meta table (IndexedDB): when the last
 * round succeeded, the developer setting for plain-http HQ addresses, and — in the
 * browser build only — the device credential.
 *
 * Typed by the shape of the table rather than DeskDatabase, so code outside db/ can
 * use it without reaching the tables themselves; any Dexie database with a `meta`
 * table of { key, value } rows fits.
 */
import { z } from 'zod';
import { webCredentialMetaKey } from '../db/atRest/sealedMetaKeys';

export interface MetaStore {
  meta: {
    get(key: string): PromiseLike<{ key: string; value: unknown } | undefined>;
    put(row: { key: string; value: unknown }): PromiseLike<unknown>;
    delete(key: string): PromiseLike<unknown>;
  };
}

const lastSuccessKey = 'syncLastSuccess';
const insecureHttpKey = 'syncAllowInsecureHttp';

export async function loadLastSuccess(store: MetaStore): Promise<string | null> {
  const row = await store.meta.get(lastSuccessKey);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function saveLastSuccess(store: MetaStore, at: string): Promise<void> {
  await store.meta.put({ key: lastSuccessKey, value: at });
}

const webCredentialSchema = z.object({
  hqUrl: z.string().min(1),
  deviceId: z.string().min(1),
  officeId: z.string().min(1),
  officeName: z.string(),
  token: z.string().min(1),
});
export type WebCredential = z.infer<typeof webCredentialSchema>;

/**
 * The browser build has no OS key storage (no safeStorage, no main process): its
 * token sits in this origin's IndexedDB, sealed under the store's data key by the
 * at-rest middleware (its key is listed in db/atRest/sealedMetaKeys.ts; a copy of the
 * profile does not give it, and a row put there without the key is refused), but
 * readable by any script the page runs once the store is open. The strict CSP keeps
 * foreign scripts out; offices use the Electron build, where the main process encrypts
 * the token and the page never sees it. Reading it writes nothing.
 */
export async function loadWebCredential(store: MetaStore): Promise<WebCredential | null> {
  const row = await store.meta.get(webCredentialMetaKey);
  const parsed = webCredentialSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveWebCredential(store: MetaStore, credential: WebCredential) {
  await store.meta.put({ key: webCredentialMetaKey, value: credential });
}

/**
 * 开发者：允许不加密的 http 地址 (同步设置). Off unless someone ticked it: the transports
 * read it here at every request and check HQ's address with it (shared/sync/hqAddress.ts).
 */
export async function loadAllowInsecureHttp(store: MetaStore): Promise<boolean> {
  const row = await store.meta.get(insecureHttpKey);
  return row?.value === true;
}

export async function saveAllowInsecureHttp(store: MetaStore, allow: boolean): Promise<void> {
  await store.meta.put({ key: insecureHttpKey, value: allow });
}
