/**
 * The desk's side of HQ's HTTP API: the engine's SyncTransport (push, pull) plus
 * enrollment. Two implementations with one behaviour: in Electron the main process
 * holds the credential and makes the requests (httpTransport.electron.ts); the
 * browser build uses fetch itself (httpTransport.web.ts).
 */
import type { SyncEnrollRequest, SyncEnrollResponse } from '@shared/ipc/contract';
import type { SyncTransport } from '@shared/sync/ports';
import { getDeskApi, isDesktop } from '../platform/deskApi';
import { createElectronTransport } from './httpTransport.electron';
import { browserFetch, createWebTransport } from './httpTransport.web';
import type { MetaStore } from './syncMeta';

export type EnrollInput = SyncEnrollRequest;
export type EnrollResult = SyncEnrollResponse;

export interface Enrollment {
  enrolled: boolean;
  hqUrl: string | null;
  deviceId: string | null;
}

export interface DeskSyncTransport extends SyncTransport {
  status(): Promise<Enrollment>;
  enroll(input: EnrollInput): Promise<EnrollResult>;
}

/** The transport of the runtime the desk is in. */
export function createSyncTransport(store: MetaStore): DeskSyncTransport {
  return isDesktop()
    ? createElectronTransport(getDeskApi(), store)
    : createWebTransport(store, browserFetch);
}
