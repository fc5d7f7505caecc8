/**
 * SyncTransport in Electron: every call goes over the typed IPC contract to the main
 * process, which keeps the device credential (safeStorage) and makes the request with
 * Electron's proxy-aware net.fetch, adding the bearer token itself. The renderer never
 * sees the token. Each call carries the desk's developer setting for plain-http
 * addresses, which the main process checks HQ's stored address against. Push answers
 * and pull pages arrive as received (bytes and signature) for the engine to verify.
 */
import { AppError } from '@shared/errors/appError';
import type { DeskApi } from '@shared/ipc/contract';
import type { SignedAnswer } from '@shared/sync/hqSignature';
import { loadAllowInsecureHttp, type MetaStore } from './syncMeta';
import type { DeskSyncTransport } from './transport';

type SyncApi = Pick<DeskApi, 'enrollSync' | 'syncStatus' | 'syncRequest'>;

export function createElectronTransport(api: SyncApi, store: MetaStore): DeskSyncTransport {
  const allowInsecureHttp = () => loadAllowInsecureHttp(store);
  return {
    status: () => api.syncStatus(),
    enroll: async (input) =>
      api.enrollSync({ ...input, allowInsecureHttp: await allowInsecureHttp() }),
    push: async (body) => {
      const answer = await api.syncRequest({
        route: 'push',
        body,
        allowInsecureHttp: await allowInsecureHttp(),
      });
      if (isSignedAnswer(answer)) return answer;
      throw unexpected();
    },
    pull: async (body) => {
      const answer = await api.syncRequest({
        route: 'pull',
        body,
        allowInsecureHttp: await allowInsecureHttp(),
      });
      if (isSignedAnswer(answer)) return answer;
      throw unexpected();
    },
  };
}

function isSignedAnswer(value: unknown): value is SignedAnswer {
  const answer = value as Partial<SignedAnswer> | null;
  return (
    typeof answer === 'object' &&
    answer !== null &&
    // Not instanceof: the bytes may come through the preload bridge from another realm.
    ArrayBuffer.isView(answer.body) &&
    Object.prototype.toString.call(answer.body) === '[object Uint8Array]' &&
    (answer.signature === null || typeof answer.signature === 'string')
  );
}

const unexpected = () =>
  new AppError({ code: 'internal', message: 'HQ answered with an unexpected body.' });
