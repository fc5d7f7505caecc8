/**
 * The writes a start or a login makes (an account's staff record, a password hashed
 * again with today's work factor, what the store's open found done to it outside the
 * desk): the write path, the record kinds and the name
 * dictionary behind them, as a chunk of their own. session.ts loads it when it first
 * writes and fetches it while the login screen shows, so that the login screen does not
 * wait for them to show itself (issue #17 item 2).
 */
export { ensureStaffRecords } from '../db/repositories/users';
export { upgradePasswordHash } from '../db/repositories/accountChanges';
export { logStoreAlterations } from '../db/repositories/storeAlterations';
// The office recovery key's wrap of the data key, kept at each login: its curve and word
// list stay off the login screen's path too.
export { loadRecoveryKey } from '../db/repositories/backup/recoveryKeyStore';
export { hasRecoveryWrap, wrapForRecovery } from '../db/atRest/recoveryWrap';
