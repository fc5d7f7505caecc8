/**
 * SyncTransport in Electron: every call goes over the typed IPC contract to the main
 * process, which keeps the device credential (safeStorage) and makes the request with
 * Electron's proxy-aware net.fetch, adding the bearer token itself. The renderer never
 * sees the token. HQ's answers are checked again here with the protocol's schemas.
 */
import { AppError } from '@shared/errors/appError';
import type { DeskApi } from '@shared/ipc/contract';
import { pullResponseSchema, pushResponseSchema } from '@shared/sync/protocol';
import type { z } from 'zod';
import type { DeskSyncTransport } from './transport';

type SyncApi = Pick<DeskApi, 'enrollSync' | 'syncStatus' | 'syncRequest'>;

export function createElectronTransport(api: SyncApi): DeskSyncTransport {
  return {
    status: () => api.syncStatus(),
    enroll: (input) => api.enrollSync(input),
    push: async (body) =>
      checked(pushResponseSchema, await api.syncRequest({ route: 'push', body })),
    pull: async (body) =>
      checked(pullResponseSchema, await api.syncRequest({ route: 'pull', body })),
  };
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError({ code: 'internal', message: 'HQ answered with an unexpected body.' });
}
