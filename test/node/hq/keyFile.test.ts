import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../hq/src/config';
import { defaultKeyFile, openHqDatabase } from '../../../hq/src/db/database';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { freshPlace, hqRowCounts, hqStorages, type HqPlace } from '../../support/hqHarness';
import { buildHqCli } from '../../support/hqProcess';

/**
 * HQ's key file (HQ_KEY_FILE) and its data directory: made private on first start,
 * refused when others may read the key or it is not HQ's, and never replaced by a new
 * one while the database holds keys sealed with the old.
 */

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function withTemp(run: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'hq-keyfile-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the data directory and the key file on SQLite', () => {
  it('first start makes the data directory 0700, its files 0600 and a 32-byte key file', async () => {
    await withTemp(async (root) => {
      const dataDir = join(root, 'srv', 'hq');
      const hq = await openHqDatabase({ dataDir, databaseUrl: null });
      try {
        await loadHqKeys(hq);
        expect(await mode(dataDir)).toBe(0o700);
        expect(await mode(join(root, 'srv'))).toBe(0o700);
        for (const name of ['hq.sqlite', 'hq.sqlite-wal', 'hq.sqlite-shm', 'hq.key']) {
          expect(await mode(join(dataDir, name)), name).toBe(0o600);
        }
        expect((await readFile(defaultKeyFile(dataDir))).length).toBe(32);
        const row = await hq.db
          .selectFrom('hq_meta')
          .select('value')
          .where('key', '=', 'package_keys')
          .executeTakeFirstOrThrow();
        expect(row.value).not.toContain('privateKey"');
        expect(row.value).toContain('sealedPrivateKey');
      } finally {
        await hq.close();
      }
    });
  });

  it("narrows an older install's 0755 directory and 0644 database files", async () => {
    await withTemp(async (dataDir) => {
      const first = await openHqDatabase({ dataDir, databaseUrl: null });
      await loadHqKeys(first);
      await first.close();
      await chmod(dataDir, 0o755);
      await chmod(join(dataDir, 'hq.sqlite'), 0o644);
      // What a crash leaves: the WAL and its index, made by an older HQ.
      await writeFile(join(dataDir, 'hq.sqlite-wal'), '', { mode: 0o644 });
      await chmod(join(dataDir, 'hq.sqlite-wal'), 0o644);
      const again = await openHqDatabase({ dataDir, databaseUrl: null });
      try {
        expect(await mode(dataDir)).toBe(0o700);
        expect(await mode(join(dataDir, 'hq.sqlite'))).toBe(0o600);
        expect(await mode(join(dataDir, 'hq.sqlite-wal'))).toBe(0o600);
      } finally {
        await again.close();
      }
    });
  });

  it('refuses a key file others may read, or one of the wrong size, and changes nothing', async () => {
    await withTemp(async (dataDir) => {
      const keyFile = defaultKeyFile(dataDir);
      const first = await openHqDatabase({ dataDir, databaseUrl: null });
      const keys = await loadHqKeys(first);
      await first.close();
      const key = await readFile(keyFile);

      await chmod(keyFile, 0o640);
      await expect(openHqDatabase({ dataDir, databaseUrl: null })).rejects.toThrow(
        `The key file ${keyFile} may be read by other accounts (mode 640). Run: chmod 600 ${keyFile}`,
      );
      await chmod(keyFile, 0o604);
      await expect(openHqDatabase({ dataDir, databaseUrl: null })).rejects.toThrow(/mode 604/);

      await rm(keyFile);
      await writeFile(keyFile, key.subarray(0, 31), { mode: 0o600 });
      await expect(openHqDatabase({ dataDir, databaseUrl: null })).rejects.toThrow(
        `The key file ${keyFile} holds 31 bytes, not 32`,
      );
      await rm(keyFile);
      await mkdir(keyFile, { mode: 0o700 });
      await expect(openHqDatabase({ dataDir, databaseUrl: null })).rejects.toThrow(
        `HQ_KEY_FILE ${keyFile} is not a file.`,
      );
      await rm(keyFile, { recursive: true });

      // Put back, it opens the same keys.
      await writeFile(keyFile, key, { mode: 0o600 });
      const back = await openHqDatabase({ dataDir, databaseUrl: null });
      expect((await loadHqKeys(back)).signing.publicKey).toBe(keys.signing.publicKey);
      await back.close();
    });
  });
});

describe.each(hqStorages)('the key file over $kind', (storage) => {
  let place: HqPlace;
  beforeAll(async () => {
    place = await freshPlace(storage);
  });
  afterAll(async () => {
    await place?.drop();
  });

  it('refuses to start when the database holds sealed keys and the key file is missing or another; makes none', async () => {
    const first = await openHqDatabase(place);
    const keys = await loadHqKeys(first);
    const before = await hqRowCounts(first);
    await first.close();
    const keyFile = defaultKeyFile(place.dataDir);
    const key = await readFile(keyFile);

    await rm(keyFile);
    await expect(openHqDatabase(place)).rejects.toThrow(
      `HQ's package keys in the database are sealed, and the key file ${keyFile} is missing.`,
    );
    expect(await exists(keyFile)).toBe(false);

    await writeFile(keyFile, Buffer.alloc(32, 1), { mode: 0o600 });
    await expect(openHqDatabase(place)).rejects.toThrow(
      `The key file ${keyFile} does not open HQ's package keys in this database`,
    );
    expect(await readFile(keyFile)).toEqual(Buffer.alloc(32, 1));

    await rm(keyFile);
    await writeFile(keyFile, key, { mode: 0o600 });
    const back = await openHqDatabase(place);
    try {
      expect(await hqRowCounts(back)).toEqual(before);
      const again = await loadHqKeys(back);
      expect(again.signing.publicKey).toBe(keys.signing.publicKey);
      expect(again.encryption.publicKey).toBe(keys.encryption.publicKey);
    } finally {
      await back.close();
    }
  });

  it('keeps the key file where HQ_KEY_FILE says, in a directory it makes 0700', async () => {
    await withTemp(async (root) => {
      const own = await freshPlace(storage);
      const keyFile = join(root, 'etc', 'hq', 'hq.key');
      try {
        const hq = await openHqDatabase({ ...own, keyFile });
        await loadHqKeys(hq);
        await hq.close();
        expect(await mode(keyFile)).toBe(0o600);
        expect(await mode(join(root, 'etc', 'hq'))).toBe(0o700);
        expect(await exists(defaultKeyFile(own.dataDir))).toBe(false);
        // Without HQ_KEY_FILE, HQ looks in the data directory, finds none, and refuses.
        await expect(openHqDatabase(own)).rejects.toThrow(/is missing/);
      } finally {
        await own.drop();
      }
    });
  });
});

describe('HQ_KEY_FILE', () => {
  it('defaults to hq.key in the data directory and may name any path', () => {
    expect(configFromEnv({ HQ_DATA_DIR: '/srv/hq' }).keyFile).toBe('/srv/hq/hq.key');
    expect(configFromEnv({ HQ_DATA_DIR: '/srv/hq', HQ_KEY_FILE: '/etc/hq/hq.key' }).keyFile).toBe(
      '/etc/hq/hq.key',
    );
  });
});

describe('npm run hq without its key file', () => {
  let cli = '';
  let removeCli: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ cli, remove: removeCli } = await buildHqCli());
  });
  afterAll(async () => {
    await removeCli?.();
  });

  it('prints why it will not start and exits 1, making no key file', async () => {
    await withTemp(async (dataDir) => {
      const hq = await openHqDatabase({ dataDir, databaseUrl: null });
      await loadHqKeys(hq);
      await hq.close();
      await rm(defaultKeyFile(dataDir));
      const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [cli, 'offices'],
          { env: { ...process.env, HQ_DATA_DIR: dataDir, HQ_DATABASE_URL: '' } },
          (error, _stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `HQ failed to start: HQ's package keys in the database are sealed, and the key file ${defaultKeyFile(dataDir)} is missing.`,
      );
      expect(await exists(defaultKeyFile(dataDir))).toBe(false);
    });
  });
});
