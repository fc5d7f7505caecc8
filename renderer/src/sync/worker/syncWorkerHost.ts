/**
 * The page's side of the sync worker (syncWorker.ts): starts it on the desk's store with
 * the store's key, passes on the registrar's requests (立即同步, a new enrollment, the
 * network coming and going, a grown queue), puts what it reports into the status store,
 * and in Electron makes its HQ calls through the preload (the main process holds the
 * credential). Stopping waits for the round under way to finish its step.
 *
 * Runtime: the renderer's main thread.
 */
import { AppError, toAppErrorData } from '@shared/errors/appError';
import type { DeskDatabase } from '../../db/database';
import type { SyncControls, SyncStatusValues } from '../syncStatus';
import type { DeskSyncTransport } from '../transport';
import type { FromWorker, ToWorker } from './messages';

export interface SyncWorkerHostOptions {
  db: DeskDatabase;
  /** Electron: the page's transport (the main process), which the worker's calls go through. */
  pageTransport: DeskSyncTransport | null;
  report: (values: Partial<SyncStatusValues>) => void;
  online: boolean;
  /**
   * The worker could not be loaded (it failed before saying anything): the caller runs
   * sync another way. The host has ended it.
   */
  onUnavailable?: () => void;
  /** Makes the worker (a test may give its own). */
  makeWorker?: () => Worker;
}

export class SyncWorkerHost {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly reloads = new Map<number, () => void>();
  private stopped: Promise<void> | null = null;
  private onStopped: (() => void) | null = null;
  /** The worker has said something: it loaded. */
  private heard = false;

  /** Null when this runtime cannot run the worker or the store has no key to give it. */
  static start(options: SyncWorkerHostOptions): SyncWorkerHost | null {
    const dataKey = options.db.atRest.dataKey;
    const canRun = options.makeWorker !== undefined || typeof Worker === 'function';
    if (!canRun || !dataKey || !options.db.atRest.sealing) return null;
    const worker = options.makeWorker?.() ?? newSyncWorker();
    return new SyncWorkerHost(worker, options, dataKey);
  }

  private constructor(
    worker: Worker,
    private readonly options: SyncWorkerHostOptions,
    dataKey: Uint8Array,
  ) {
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => void this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (!this.heard && options.onUnavailable) {
        worker.terminate();
        options.onUnavailable();
        return;
      }
      options.report({
        state: {
          kind: 'error',
          error: { code: 'internal', message: event.message || 'sync worker failed' },
        },
      });
    };
    this.send({
      type: 'start',
      databaseName: options.db.name,
      dataKey: dataKey.slice(),
      viaPage: options.pageTransport !== null,
      online: options.online,
    });
  }

  readonly controls: SyncControls = {
    syncNow: () => this.send({ type: 'syncNow' }),
    reloadEnrollment: () =>
      new Promise<void>((resolve) => {
        const id = this.nextId++;
        this.reloads.set(id, resolve);
        this.send({ type: 'reloadEnrollment', id });
      }),
    noteHqTime: (hqTime) => this.send({ type: 'noteHqTime', hqTime }),
  };

  localChange(): void {
    this.send({ type: 'localChange' });
  }

  setOnline(online: boolean): void {
    this.send({ type: 'online', online });
  }

  /** Asks the worker to stop after its current step; resolves once it has, then ends it. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 10_000);
      this.onStopped = () => {
        clearTimeout(timeout);
        resolve();
      };
      this.send({ type: 'stop' });
    }).then(() => {
      this.worker.terminate();
      for (const resolve of this.reloads.values()) resolve();
      this.reloads.clear();
    });
    return this.stopped;
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private async receive(message: FromWorker): Promise<void> {
    this.heard = true;
    switch (message.type) {
      case 'status':
        // A stopping worker's last reports are not the page's to show: a sync that failed
        // (App.tsx's SyncFailed) would otherwise be written over by its 'syncing'.
        if (this.stopped === null) this.options.report(message.values);
        return;
      case 'reloaded':
        this.reloads.get(message.id)?.();
        this.reloads.delete(message.id);
        return;
      case 'stopped':
        this.onStopped?.();
        return;
      case 'failed':
        this.options.report({ state: { kind: 'error', error: message.error } });
        return;
      case 'transportCall':
        await this.call(message);
        return;
    }
  }

  private async call(message: Extract<FromWorker, { type: 'transportCall' }>): Promise<void> {
    const transport = this.options.pageTransport;
    try {
      if (!transport) throw new AppError({ code: 'unavailable', message: 'No page transport.' });
      const value =
        message.method === 'status'
          ? await transport.status()
          : message.method === 'push'
            ? await transport.push(message.request as never)
            : await transport.pull(message.request as never);
      this.send({ type: 'transportReply', id: message.id, ok: true, value });
    } catch (error) {
      this.send({
        type: 'transportReply',
        id: message.id,
        ok: false,
        error: toAppErrorData(error),
      });
    }
  }
}

function newSyncWorker(): Worker {
  return new Worker(new URL('./syncWorker.ts', import.meta.url), {
    type: 'module',
    name: 'sync',
  });
}
