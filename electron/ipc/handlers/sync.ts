/**
 * 'sync:enroll', 'sync:status' and 'sync:request': the main-process end of online sync.
 * The main process keeps the device credential (electron/sync/credentialStore.ts) and
 * makes every HTTP request to HQ itself (shared/sync/hqHttp.ts), adding the bearer
 * token, so the renderer never holds the token. Every request checks HQ's address
 * again (shared/sync/hqAddress.ts), the stored one included. The enrollment answer's
 * signature is checked before its credential is kept; a push answer or pull page goes
 * back to the renderer as received (bytes and signature header, unparsed), where the
 * engine checks its signature before acknowledging or applying anything.
 */
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import { checkHqAddress } from '@shared/sync/hqAddress';
import { postToHq, type HqFetch } from '@shared/sync/hqHttp';
import { openEnrollAnswer } from '@shared/sync/hqSignature';
import { hqRoutes } from '@shared/sync/httpApi';
import {
  enrollRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  publicKeysSchema,
} from '@shared/sync/protocol';
import type { CredentialStore } from '../../sync/credentialStore';
import { parseRequest } from '../parseRequest';
import type { IpcHandlers } from '../registerHandlers';

const enrollSchema = enrollRequestSchema
  .pick({ code: true, deviceId: true, officeId: true, deviceName: true })
  .extend({ publicKeys: publicKeysSchema })
  .extend({
    hqUrl: z.string().trim().min(1).max(500),
    allowInsecureHttp: z.boolean().optional(),
  });

const requestSchema = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('push'),
    body: pushRequestSchema,
    allowInsecureHttp: z.boolean().optional(),
  }),
  z.object({
    route: z.literal('pull'),
    body: pullRequestSchema,
    allowInsecureHttp: z.boolean().optional(),
  }),
]);

export interface SyncHandlerDeps {
  credentials: CredentialStore;
  /** Electron's net.fetch (proxy-aware) in the app; a fake or Node's fetch in tests. */
  fetch: HqFetch;
}

export function syncHandlers(
  deps: SyncHandlerDeps,
): Pick<IpcHandlers, 'sync:enroll' | 'sync:status' | 'sync:request'> {
  return {
    'sync:enroll': async (request) => {
      const input = parseRequest(enrollSchema, request);
      const baseUrl = checkHqAddress(input.hqUrl, {
        allowInsecureHttp: input.allowInsecureHttp ?? false,
      });
      // Before HQ spends the one-time code: a token we could not keep would be lost.
      deps.credentials.requireEncryption();
      const answer = await postToHq(deps.fetch, {
        baseUrl,
        route: hqRoutes.enroll,
        body: {
          code: input.code,
          deviceId: input.deviceId,
          officeId: input.officeId,
          deviceName: input.deviceName,
          publicKeys: input.publicKeys,
        },
      });
      const enrolled = await openEnrollAnswer(answer, {
        answer: 'enroll',
        deviceId: input.deviceId,
        code: input.code,
      });
      if (enrolled.officeId !== input.officeId) {
        throw new AppError({
          code: 'forbidden',
          message: 'HQ enrolled this desk for a different office.',
          fieldErrors: [{ path: 'officeId', code: 'sync.enroll.officeMismatch' }],
        });
      }
      await deps.credentials.save({
        hqUrl: baseUrl,
        deviceId: enrolled.deviceId,
        officeId: enrolled.officeId,
        officeName: enrolled.officeName,
        token: enrolled.token,
      });
      return {
        deviceId: enrolled.deviceId,
        officeId: enrolled.officeId,
        officeName: enrolled.officeName,
        hqTime: enrolled.hqTime,
        hqKeys: enrolled.hqKeys,
      };
    },

    'sync:status': () => deps.credentials.status(),

    'sync:request': async (request) => {
      const call = parseRequest(requestSchema, request);
      const credential = await deps.credentials.load();
      // The stored address too: a credential file edited to point elsewhere is refused.
      const baseUrl = checkHqAddress(credential.hqUrl, {
        allowInsecureHttp: call.allowInsecureHttp ?? false,
      });
      const route = call.route === 'push' ? hqRoutes.push : hqRoutes.pull;
      return postToHq(deps.fetch, { baseUrl, token: credential.token, route, body: call.body });
    },
  };
}
