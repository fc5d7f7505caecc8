import type { SignedAnswer } from './hqSignature';
import type { QueueEntry } from './queueEntry';
import type {
  DeskReport,
  OpResult,
  PullRequest,
  PushRequest,
  ServerChange,
  SyncCursor,
} from './protocol';

/**
 * The two sides the sync engine talks to. The desk implements SyncStore over Dexie
 * (renderer/src/sync/dexieSyncStore.ts); SyncTransport is HTTP — in Electron through
 * the main process, in the browser build with fetch. Tests use the same store over
 * fake-indexeddb and the real HQ on loopback.
 */
export interface SyncStore {
  /** The oldest queued ops, in per-device sequence order. */
  pendingOps(limit: number): Promise<QueueEntry[]>;
  pendingCount(): Promise<number>;
  /** Removes what HQ holds or refused (keeping refused ones for people to see). */
  acknowledge(results: OpResult[]): Promise<void>;
  cursor(): Promise<SyncCursor>;
  /** Applies one page of HQ's changes and advances the cursor in ONE transaction. */
  applyPulled(changes: ServerChange[], cursor: SyncCursor): Promise<void>;
  /**
   * Who this desk is to HQ and the HQ signing key it pinned at enrollment: every push
   * answer and pull page must be signed by that key for that device. Null when none
   * was pinned.
   */
  hqTrust(): Promise<HqTrust | null>;
  /**
   * What the desk reports of itself with its first pull of a round: changes still
   * queued and conflicts open (HQ shows them to the county). Optional: a store without
   * it reports nothing.
   */
  deskReport?(): Promise<DeskReport>;
  /**
   * The desk's access-chain key (shared/accessChain/seal.ts), sent with every push so
   * HQ can check the access-log entries it carries; null before the desk's first entry.
   */
  accessChainKey?(): Promise<string | null>;
  /**
   * HQ's last op seq of this device, from a pull page (docs/backup.md): a desk restored
   * from a backup moves the ops it made since past it. Optional: other stores ignore it.
   */
  hqHoldsSeq?(seq: number): Promise<void>;
}

export interface HqTrust {
  deviceId: string;
  /** HQ's public signing key (SPKI, base64) as pinned at enrollment. */
  signingKey: string;
}

/**
 * Both calls return HQ's answer exactly as received: body bytes and HQ's signature
 * header. The engine checks the signature (shared/sync/hqSignature.ts) before it parses
 * the answer, acknowledges a push or applies a page.
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<SignedAnswer>;
  pull(request: PullRequest): Promise<SignedAnswer>;
}
