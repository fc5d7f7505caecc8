import type * as ShellModule from './ShellRoot';

/**
 * The app behind the login, as its own chunk (issue #17 item 2): the login screen loads
 * only what it shows; the shell — every screen, the tables, the date pickers, exceljs,
 * the charts — is fetched while the password is typed (prefetchShell, called as the
 * login, first-run or forced-password screen shows) and is ready, or nearly, at submit.
 */
let shell: Promise<typeof ShellModule> | null = null;

export function loadShell(): Promise<typeof ShellModule> {
  shell ??= import('./ShellRoot');
  return shell;
}

/** Starts fetching the shell without waiting for it (a failure shows when it is used). */
export function prefetchShell(): void {
  loadShell().catch(() => undefined);
}
