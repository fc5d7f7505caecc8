/**
 * SyncTransport in the browser build (`npm run web`): fetch straight to HQ with the
 * bearer token, through the same client as the Electron main process
 * (shared/sync/hqHttp.ts) and the same checks: HQ's address against the address rule
 * (the stored one at every request), the enrollment answer's signature before the
 * credential is kept; push answers and pull pages go to the engine as received, which
 * checks theirs.
 *
 * The browser build has no OS key storage: the credential is kept in IndexedDB meta
 * (see syncMeta.ts). The page CSP allows connections to http(s) hosts for this, and HQ
 * must name the page's origin in HQ_CORS_ORIGINS.
 */
import { AppError } from '@shared/errors/appError';
import { checkHqAddress } from '@shared/sync/hqAddress';
import { postToHq, type HqFetch } from '@shared/sync/hqHttp';
import { openEnrollAnswer } from '@shared/sync/hqSignature';
import { hqRoutes } from '@shared/sync/httpApi';
import {
  loadAllowInsecureHttp,
  loadWebCredential,
  saveWebCredential,
  type MetaStore,
} from './syncMeta';
import type { DeskSyncTransport } from './transport';

/** window.fetch with the client's timeout as an AbortSignal. */
export const browserFetch: HqFetch = (url, { timeoutMs, ...init }) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });

export function createWebTransport(store: MetaStore, fetchFn: HqFetch): DeskSyncTransport {
  const rules = async () => ({ allowInsecureHttp: await loadAllowInsecureHttp(store) });
  const authorized = async () => {
    const credential = await loadWebCredential(store);
    if (!credential) {
      throw new AppError({ code: 'unauthenticated', message: 'This desk is not enrolled.' });
    }
    // The stored address too: one edited in the browser's storage is refused.
    return { baseUrl: checkHqAddress(credential.hqUrl, await rules()), token: credential.token };
  };

  return {
    status: async () => {
      const credential = await loadWebCredential(store);
      return {
        enrolled: credential !== null,
        hqUrl: credential?.hqUrl ?? null,
        deviceId: credential?.deviceId ?? null,
      };
    },

    enroll: async (input) => {
      const hqUrl = checkHqAddress(input.hqUrl, await rules());
      const { code, deviceId, officeId, deviceName, publicKeys } = input;
      const body = { code, deviceId, officeId, deviceName, publicKeys };
      const answer = await postToHq(fetchFn, { baseUrl: hqUrl, route: hqRoutes.enroll, body });
      const enrolled = await openEnrollAnswer(answer, { answer: 'enroll', deviceId, code });
      if (enrolled.officeId !== officeId.trim()) {
        throw new AppError({
          code: 'forbidden',
          message: 'HQ enrolled this desk for a different office.',
          fieldErrors: [{ path: 'officeId', code: 'sync.enroll.officeMismatch' }],
        });
      }
      const { token, hqTime, ...identity } = enrolled;
      await saveWebCredential(store, { hqUrl, token, ...identity });
      return { ...identity, hqTime };
    },

    push: async (request) =>
      postToHq(fetchFn, { ...(await authorized()), route: hqRoutes.push, body: request }),

    pull: async (request) =>
      postToHq(fetchFn, { ...(await authorized()), route: hqRoutes.pull, body: request }),
  };
}
