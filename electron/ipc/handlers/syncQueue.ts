/** 'sync:reportQueue': the renderer's count of changes not yet at HQ, for the quit guard. */
import { z } from 'zod';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';
import type { QuitGuard } from '../../sync/quitGuard';

const requestSchema = z.object({ queued: z.number().int().min(0).max(100_000_000) });

export function syncQueueHandlers(guard: QuitGuard): Pick<IpcHandlers, 'sync:reportQueue'> {
  return {
    'sync:reportQueue': (request) => {
      guard.report(parseRequest(requestSchema, request).queued);
    },
  };
}
