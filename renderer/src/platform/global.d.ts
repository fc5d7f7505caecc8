import type { DeskBridge } from '@shared/ipc/contract';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by electron/preload.ts. Use getDeskApi() instead. */
    readonly desk?: DeskBridge;
  }
}

export {};
