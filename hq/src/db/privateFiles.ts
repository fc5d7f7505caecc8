import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * HQ's data directory and the files in it are its own: the directory 0700, each file
 * 0600, so another account on the server reads neither the records nor the key file.
 * Modes are POSIX; on Windows these do nothing.
 */
const posix = process.platform !== 'win32';

/** Creates the directory (and missing parents) 0700; an existing one is left as it is. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/**
 * HQ's data directory: created 0700, and an existing one HQ owns is narrowed to 0700
 * (installs made before this rule have 0755).
 */
export function ensurePrivateDir(path: string): void {
  makePrivateDir(path);
  narrow(path, 0o700);
}

/** Creates an empty file 0600 unless it exists; an existing one HQ owns is narrowed to 0600. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  narrow(path, 0o600);
}

/** Narrows a file HQ owns to 0600 if it exists (SQLite's -wal and -shm files). */
export function narrowIfPresent(path: string): void {
  try {
    narrow(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function narrow(path: string, mode: number): void {
  if (!posix) return;
  const info = statSync(path);
  const ours = info.uid === process.getuid?.();
  if (ours && (info.mode & 0o777) !== mode) chmodSync(path, mode);
}
