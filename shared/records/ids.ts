import { uuidv7 } from 'uuidv7';

/** Record and op ids: UUIDv7, so they sort by creation time and need no server. */
export function newRecordId(): string {
  return uuidv7();
}
