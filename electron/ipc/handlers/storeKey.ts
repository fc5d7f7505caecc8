/** 'store:dataKey': the desk store's data key from the OS key store (electron/atRest). */
import type { DataKeyFile } from '../../atRest/dataKeyFile';
import type { IpcHandlers } from '../registerHandlers';

export function storeKeyHandlers(
  keys: Pick<DataKeyFile, 'key'>,
): Pick<IpcHandlers, 'store:dataKey'> {
  return { 'store:dataKey': async () => ({ key: await keys.key() }) };
}
