/**
 * The main-process end of the IPC contract. `handle(channel, fn)` registers one typed
 * handler: it refuses senders that are not our app:// page, wraps the return value in
 * `{ ok: true, value }` and turns anything thrown into `{ ok: false, error }` with
 * toAppErrorData, so the renderer always receives the one error shape.
 *
 * `registerHandlers` takes the full handler map, so forgetting a channel of the
 * contract is a compile error, not a silent "no handler registered" at runtime.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { AppError, isAppErrorData, toAppErrorData } from '@shared/errors/appError';
import {
  ipcChannels,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '@shared/ipc/contract';
import { isTrustedIpcSender } from '../security';

/**
 * Handlers get the request as the contract types it; validate it if it can come in wrong.
 * A channel that answers `undefined` takes a handler that simply does not return (sync or
 * async: a Promise is assignable to void, and the wrapper awaits whatever comes back).
 */
export type IpcHandler<K extends IpcChannel> =
  undefined extends IpcResponse<K>
    ? (request: IpcRequest<K>, event: IpcMainInvokeEvent) => void
    : (
        request: IpcRequest<K>,
        event: IpcMainInvokeEvent,
      ) => IpcResponse<K> | Promise<IpcResponse<K>>;

export type IpcHandlers = { [K in IpcChannel]: IpcHandler<K> };

/** Only `handle` is used, so tests pass a fake that records the listeners. */
export type IpcMainLike = Pick<IpcMain, 'handle'>;

export interface HandleOptions {
  /** Where failures that are not AppErrors go; the renderer only sees a generic "internal". */
  onUnexpectedError?: (channel: IpcChannel, error: unknown) => void;
}

export type Handle = <K extends IpcChannel>(channel: K, fn: IpcHandler<K>) => void;

export function createHandle(ipcMain: IpcMainLike, options: HandleOptions = {}): Handle {
  const onUnexpectedError =
    options.onUnexpectedError ??
    ((channel, error) => console.error(`[ipc] ${channel} failed unexpectedly`, error));

  return function handle<K extends IpcChannel>(channel: K, fn: IpcHandler<K>): void {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, request: unknown): Promise<IpcResult<IpcResponse<K>>> => {
        // senderFrame is null when the frame navigated away or was destroyed mid-call.
        if (!isTrustedIpcSender(event.senderFrame?.url)) {
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: `IPC ${channel} refused: sender is not the desk.`,
            },
          };
        }
        try {
          const value = (await fn(request as IpcRequest<K>, event)) as IpcResponse<K>;
          return { ok: true, value };
        } catch (error) {
          if (!(error instanceof AppError) && !isAppErrorData(error)) {
            onUnexpectedError(channel, error);
          }
          return { ok: false, error: toAppErrorData(error) };
        }
      },
    );
  };
}

export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: HandleOptions = {},
): void {
  const handle = createHandle(ipcMain, options);
  const register = <K extends IpcChannel>(channel: K): void => handle(channel, handlers[channel]);
  for (const channel of ipcChannels) register(channel);
}
