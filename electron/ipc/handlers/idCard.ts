/**
 * 'idCard:read': one read of the desk's local ID-card reader. Thin: the request's
 * address goes to the adapter (electron/idCard/httpReader.ts), which refuses any
 * address off this computer and checks every field of the answer with zod, so what
 * the renderer receives is a checked IdCardReading or an AppError naming the reason.
 */
import { z } from 'zod';
import type { IdCardReader } from '../../idCard/reader';
import { parseRequest } from '../parseRequest';
import type { IpcHandlers } from '../registerHandlers';

const readSchema = z.object({ url: z.string().trim().min(1).max(500) });

export interface IdCardHandlerDeps {
  /** The adapter for an address; throws a validation AppError for a refused one. */
  readerFor: (url: string) => IdCardReader;
}

export function idCardHandlers(deps: IdCardHandlerDeps): Pick<IpcHandlers, 'idCard:read'> {
  return {
    'idCard:read': (request) => deps.readerFor(parseRequest(readSchema, request).url).read(),
  };
}
