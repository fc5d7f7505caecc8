import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyFile } from '../../../electron/atRest/dataKeyFile';
import type { Encryption } from '../../../electron/sync/credentialStore';
import { storeKeyHandlers } from '../../../electron/ipc/handlers/storeKey';

/** safeStorage stand-in: reversible, but never the plain text on disk. */
function fakeSafeStorage(available = true, prefix = 'enc:'): Encryption {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`${prefix}${[...text].reverse().join('')}`),
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith(prefix)) throw new Error('Error while decrypting the ciphertext');
      return [...text.slice(prefix.length)].reverse().join('');
    },
  };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-key-'));
  file = path.join(dir, 'desk-data-key.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const keyFile = (encryption = fakeSafeStorage()) =>
  new DataKeyFile({
    file: () => file,
    encryption: () => encryption,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  });

describe('the data key in the OS key store (main process)', () => {
  it('makes a 32-byte key once, keeps only its OS-encrypted form on disk, and gives the same key after a restart', async () => {
    const first = await keyFile().key();
    expect(first).not.toBeNull();
    expect(Buffer.from(first ?? '', 'base64')).toHaveLength(32);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(first ?? '');
    expect(await keyFile().key()).toBe(first);
    expect(await storeKeyHandlers(keyFile())['store:dataKey'](undefined, {} as never)).toEqual({
      key: first,
    });
  });

  it('two first calls at once make one key', async () => {
    const store = keyFile();
    const [a, b] = await Promise.all([store.key(), store.key()]);
    expect(a).toBe(b);
  });

  it('answers null without OS encryption (the store then opens by password) and writes nothing', async () => {
    expect(await keyFile(fakeSafeStorage(false)).key()).toBeNull();
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a key file another OS account encrypted, never making a second key over it', async () => {
    await keyFile().key();
    const before = await readFile(file, 'utf8');
    await expect(keyFile(fakeSafeStorage(true, 'other:')).key()).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'data_key_unreadable' },
    });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a damaged key file with its reason', async () => {
    await writeFile(file, '{"format":1}');
    await expect(keyFile().key()).rejects.toMatchObject({
      details: { reason: 'data_key_damaged' },
    });
  });

  it("makes no key file on a Linux desk whose safeStorage has only Chromium's built-in key", async () => {
    const basic = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    expect(await keyFile(basic).key()).toBeNull();
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    const keyring = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'gnome_libsecret' };
    expect(await keyFile(keyring).key()).not.toBeNull();
  });
});
