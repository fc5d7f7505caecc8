import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { SyncTransport } from '@shared/sync/ports';
import { syncHandlers } from '../../electron/ipc/handlers/sync';
import { CredentialStore, type Encryption } from '../../electron/sync/credentialStore';
import { createElectronTransport } from '../../renderer/src/sync/httpTransport.electron';
import { createWebTransport } from '../../renderer/src/sync/httpTransport.web';
import { saveWebCredential } from '../../renderer/src/sync/syncMeta';
import { nodeFetch } from './hqHarness';
import type { SyncDesk } from './syncDesks';

/** safeStorage stand-in for the main process's credential file. */
const fakeSafeStorage: Encryption = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (data) => data.toString().slice(4),
};
const event = { senderFrame: { url: 'app://desk/index.html' } } as unknown as IpcMainInvokeEvent;

/**
 * The desk's two real transports to `hqUrl` over Node's fetch: the browser build's, and
 * the Electron one through the main process's handlers (credential file in `dir`).
 */
export async function realTransports(
  desk: SyncDesk,
  hqUrl: string,
  dir: string,
): Promise<[SyncTransport, SyncTransport]> {
  const credential = {
    hqUrl,
    deviceId: desk.deviceId,
    officeId: desk.officeId,
    officeName: 'office-a 民政办',
    token: desk.token ?? '',
  };
  await saveWebCredential(desk.db, credential);
  const credentials = new CredentialStore({
    file: () => path.join(dir, 'hq-credential.json'),
    encryption: () => fakeSafeStorage,
  });
  await credentials.save(credential);
  const main = syncHandlers({ credentials, fetch: nodeFetch });
  const electron = createElectronTransport(
    {
      enrollSync: (request) => Promise.resolve(main['sync:enroll'](request, event)),
      syncStatus: () => Promise.resolve(main['sync:status'](undefined, event)),
      syncRequest: (request) => Promise.resolve(main['sync:request'](request, event)),
    },
    desk.db,
  );
  return [createWebTransport(desk.db, nodeFetch), electron];
}
