import { lazyChunk } from './lazyChunk';

/**
 * The app behind the login, as its own chunk (issue #17 item 2): the login screen loads
 * only what it shows; the shell — every screen, the tables, the date pickers, exceljs,
 * the charts — is fetched while the password is typed (prefetched as the login,
 * first-run or forced-password screen shows) and is ready, or nearly, at submit.
 */
export const shellChunk = lazyChunk(() => import('./ShellRoot'));
