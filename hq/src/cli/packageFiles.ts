import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '@shared/errors/appError';

/**
 * Where the package commands read and write files. A file problem is said plainly
 * (which file, what went wrong) instead of as an unexpected error.
 */
function fileError(action: string, path: string, error: unknown): AppError {
  const code = (error as { code?: string }).code ?? 'error';
  const why: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EEXIST: 'it already exists (packages are never overwritten)',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
  };
  return new AppError({
    code: 'validation',
    message: `Cannot ${action} ${path}: ${why[code] ?? code}.`,
    fieldErrors: [{ path: 'file', code: `file.${code.toLowerCase()}` }],
  });
}

export async function readPackageFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError('read', path, error);
  }
}

/**
 * Where a package goes: into a directory (an existing one, or one named with a trailing
 * slash, made if missing) under the package's own name, else to the file named.
 * Checked before anything is imported, so an import never ends without its return file
 * for want of a place to write it.
 */
export async function outputTarget(target: string): Promise<(fileName: string) => string> {
  const wantsDir = /[/\\]$/.test(target);
  const isDir = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  try {
    if (wantsDir || isDir) {
      await mkdir(target, { recursive: true });
      return (fileName) => resolve(join(target, fileName));
    }
    await access(dirname(resolve(target)));
  } catch (error) {
    throw fileError('write to', target, error);
  }
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) throw fileError('write', target, { code: 'EEXIST' });
  return () => resolve(target);
}

export async function writePackageFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes, { flag: 'wx' });
  } catch (error) {
    throw fileError('write', path, error);
  }
}
