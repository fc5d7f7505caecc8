/**
 * What the page and the sync worker say to each other (issue #17 item 1). Structured
 * clones only: plain data, Uint8Arrays, errors as AppErrorData.
 */
import type { AppErrorData } from '@shared/errors/appError';
import type { SyncStatusValues } from '../syncStatus';

/** The transport calls the worker hands the page in Electron, where the main process makes them. */
export type TransportMethod = 'status' | 'push' | 'pull';

export type ToWorker =
  | {
      type: 'start';
      databaseName: string;
      /** The store's data key: the worker opens its own Dexie on the same store. */
      dataKey: Uint8Array;
      /** Electron: the main process holds the credential, so HQ calls go through the page. */
      viaPage: boolean;
      online: boolean;
    }
  | { type: 'syncNow' }
  | { type: 'reloadEnrollment'; id: number }
  | { type: 'noteHqTime'; hqTime: string }
  | { type: 'localChange' }
  | { type: 'online'; online: boolean }
  | { type: 'stop' }
  | { type: 'transportReply'; id: number; ok: true; value: unknown }
  | { type: 'transportReply'; id: number; ok: false; error: AppErrorData };

export type FromWorker =
  | { type: 'status'; values: Partial<SyncStatusValues> }
  | { type: 'transportCall'; id: number; method: TransportMethod; request: unknown }
  | { type: 'reloaded'; id: number }
  | { type: 'stopped' }
  | { type: 'failed'; error: AppErrorData };

/** One sync at a time per desk store, across every tab and window of the browser. */
export function syncLockName(databaseName: string): string {
  return `minzheng-sync:${databaseName}`;
}
