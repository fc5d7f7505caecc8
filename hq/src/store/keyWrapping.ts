import { randomBytes, webcrypto } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makePrivateDir } from '../db/privateFiles';

/**
 * HQ's key-wrapping key: 32 random bytes in a file outside the database (HQ_KEY_FILE,
 * by default `<HQ_DATA_DIR>/hq.key`). HQ's private package keys are stored in the
 * database only sealed with it (AES-256-GCM), so a dump or a copy of the database
 * alone does not give them away. The file is made once, 0600, and never replaced:
 * HQ refuses to start rather than make a new one over keys sealed with the old.
 */

export const keyFileBytes = 32;

/** Why HQ will not start, in words an operator acts on (printed as is). */
export class HqStartRefused extends Error {
  override readonly name = 'HqStartRefused';
}

export interface KeyWrapping {
  /** The key file's path, for messages. */
  readonly keyFile: string;
  /** Seals bytes; `label` names what they are, and opening needs the same label. */
  seal: (plain: Uint8Array, label: string) => Promise<string>;
  /** Opens what `seal` made; throws HqStartRefused when this key file did not seal it. */
  open: (sealed: string, label: string) => Promise<Uint8Array>;
}

const { subtle } = webcrypto;
const format = 'v1';
const ivBytes = 12;
const utf8 = new TextEncoder();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** A KeyWrapping over the key's bytes (imported into WebCrypto once, non-extractable). */
export function keyWrapping(keyFile: string, bytes: Uint8Array): KeyWrapping {
  return wrappingWith(keyFile, () => Promise.resolve(bytes));
}

/**
 * A KeyWrapping that reads the key file the first time it is used (for a second look
 * at a place whose HQ made the file); refuses as `readKeyFile` does.
 */
export function keyWrappingFromFile(keyFile: string): KeyWrapping {
  return wrappingWith(keyFile, async () => {
    const bytes = await readKeyFile(keyFile);
    if (!bytes) throw new HqStartRefused(`The key file ${keyFile} does not exist.`);
    return bytes;
  });
}

function wrappingWith(keyFile: string, bytes: () => Promise<Uint8Array>): KeyWrapping {
  let imported: Promise<webcrypto.CryptoKey> | null = null;
  const key = () =>
    (imported ??= bytes().then((raw) =>
      subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    ));
  return {
    keyFile,
    seal: async (plain, label) => {
      const iv = new Uint8Array(randomBytes(ivBytes));
      const sealed = await subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: utf8.encode(label) },
        await key(),
        plain,
      );
      return `${format}:${b64(iv)}:${b64(new Uint8Array(sealed))}`;
    },
    open: async (sealed, label) => {
      const [version, iv, body] = sealed.split(':');
      if (version !== format || !iv || !body) {
        throw new HqStartRefused(`A sealed key in the database is not in format ${format}.`);
      }
      try {
        return new Uint8Array(
          await subtle.decrypt(
            { name: 'AES-GCM', iv: unb64(iv), additionalData: utf8.encode(label) },
            await key(),
            unb64(body),
          ),
        );
      } catch {
        throw new HqStartRefused(
          `The key file ${keyFile} does not open HQ's package keys in this database: it is ` +
            'not the key file they were sealed with (or the database was changed). Put back ' +
            "the key file kept with this database's backups. HQ makes no new keys: every " +
            'enrolled desk trusts only the current ones.',
        );
      }
    },
  };
}

/**
 * The key file's bytes, or null when there is none. Refuses a file that others may
 * read (group or world bits set) and one that is not exactly 32 bytes.
 */
export async function readKeyFile(keyFile: string): Promise<Uint8Array | null> {
  let handle;
  try {
    handle = await open(keyFile, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new HqStartRefused(`HQ_KEY_FILE ${keyFile} is not a file.`);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new HqStartRefused(
        `The key file ${keyFile} may be read by other accounts (mode ` +
          `${(info.mode & 0o777).toString(8)}). Run: chmod 600 ${keyFile} — then start HQ again.`,
      );
    }
    const bytes = await handle.readFile();
    if (bytes.length !== keyFileBytes) {
      throw new HqStartRefused(
        `The key file ${keyFile} holds ${bytes.length} bytes, not ${keyFileBytes}: it is not ` +
          "HQ's key file. Put back the one kept with this database's backups.",
      );
    }
    return new Uint8Array(bytes);
  } finally {
    await handle.close();
  }
}

/**
 * Makes the key file: 32 random bytes, 0600, written and flushed under a temporary
 * name, then linked to its name, which fails if the name exists, so two HQ processes
 * starting at once never make two keys. Returns the bytes of whichever file won.
 * The directory is flushed too: a key file lost in a power cut after the database
 * committed keys sealed with it would orphan every enrolled desk.
 */
export async function createKeyFile(keyFile: string): Promise<Uint8Array> {
  const dir = dirname(keyFile);
  makePrivateDir(dir);
  const temp = join(dir, `.${basename(keyFile)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(randomBytes(keyFileBytes));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  await syncDir(dir);
  const made = await readKeyFile(keyFile);
  if (!made) throw new Error(`The key file ${keyFile} was not written.`);
  return made;
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
