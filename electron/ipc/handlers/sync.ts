/**
 * 'sync:enroll', 'sync:status' and 'sync:request': the main-process end of online sync.
 * The main process keeps the device credential (electron/sync/credentialStore.ts) and
 * makes every HTTP request to HQ itself, adding the bearer token, so the renderer
 * never holds the token. Requests and HQ's answers are checked with the protocol's
 * schemas on the way through.
 */
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import {
  enrollRequestSchema,
  enrollResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  publicKeysSchema,
  pushResponseSchema,
} from '@shared/sync/protocol';
import type { CredentialStore } from '../../sync/credentialStore';
import { normalizeHqUrl, postJson, type FetchLike } from '../../sync/hqClient';
import { parseRequest } from '../parseRequest';
import type { IpcHandlers } from '../registerHandlers';

const enrollSchema = enrollRequestSchema
  .pick({ code: true, deviceId: true, officeId: true, deviceName: true })
  .extend({ publicKeys: publicKeysSchema })
  .extend({ hqUrl: z.string().trim().min(1).max(500) });

const requestSchema = z.discriminatedUnion('route', [
  z.object({ route: z.literal('push'), body: pushRequestSchema }),
  z.object({ route: z.literal('pull'), body: pullRequestSchema }),
]);

export interface SyncHandlerDeps {
  credentials: CredentialStore;
  /** Electron's net.fetch (proxy-aware) in the app; a fake in tests. */
  fetch: FetchLike;
}

export function syncHandlers(
  deps: SyncHandlerDeps,
): Pick<IpcHandlers, 'sync:enroll' | 'sync:status' | 'sync:request'> {
  return {
    'sync:enroll': async (request) => {
      const input = parseRequest(enrollSchema, request);
      const baseUrl = normalizeHqUrl(input.hqUrl);
      // Before HQ spends the one-time code: a token we could not keep would be lost.
      deps.credentials.requireEncryption();
      const enrolled = await postJson(
        {
          fetch: deps.fetch,
          baseUrl,
          route: hqRoutes.enroll,
          body: {
            code: input.code,
            deviceId: input.deviceId,
            officeId: input.officeId,
            deviceName: input.deviceName,
            publicKeys: input.publicKeys,
          },
        },
        enrollResponseSchema,
      );
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
      const base = { fetch: deps.fetch, baseUrl: credential.hqUrl, token: credential.token };
      if (call.route === 'push') {
        return postJson({ ...base, route: hqRoutes.push, body: call.body }, pushResponseSchema);
      }
      return postJson({ ...base, route: hqRoutes.pull, body: call.body }, pullResponseSchema);
    },
  };
}
