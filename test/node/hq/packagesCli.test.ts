import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { freshPlace, hqStorages, type HqPlace } from '../../support/hqHarness';
import { buildHqCli } from '../../support/hqProcess';
import { createPersons } from '../../support/officeWork';
import { keyedDesk, openFromHq, perOp, sealForHq } from './packageKit';

/**
 * `npm run hq -- import` and `export-for` through the real CLI bundle, as the county's
 * operator runs them: what they print, the files they write, and their exit codes.
 */

let cli = '';
let removeCli: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ cli, remove: removeCli } = await buildHqCli());
});
afterAll(async () => {
  await removeCli?.();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(place: HqPlace, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        env: {
          ...process.env,
          HQ_DATA_DIR: place.dataDir,
          HQ_DATABASE_URL: place.databaseUrl ?? '',
        },
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const bytesOf = async (path: string) => new Uint8Array(await readFile(path));

describe.each(hqStorages)('package commands over $kind', (storage) => {
  it('imports a package, writes the return file next to it, and exports for an office', async () => {
    const place = await freshPlace(storage);
    const hq = await openHqDatabase(place);
    const dir = await mkdtemp(join(tmpdir(), 'hq-packages-'));
    try {
      const hqKeys = await loadHqKeys(hq);
      const a1 = await keyedDesk(hq, 'office-a', 'a1');
      await createPersons(a1.desk, 3);
      const ops = await a1.desk.store.pendingOps(500);
      const input = join(dir, '民政同步包_office-a_上报_20260302-0930_1.mzpkg');
      await writeFile(input, await sealForHq(a1, hqKeys, ops));

      const imported = await runCli(place, ['import', input]);
      expect(imported, imported.stderr).toMatchObject({ code: 0 });
      expect(imported.stdout).toContain(`office office-a, desk ${a1.desk.deviceId}`);
      expect(imported.stdout).toContain(
        `ops: ${ops.length} — applied ${ops.length}, conflicts 0, refused 0, already held 0`,
      );
      expect(imported.stdout).toContain('person 3');
      const written = (await readdir(dir)).filter((name) => name.includes('_下发_'));
      expect(written).toHaveLength(1);
      const returnPath = join(dir, written[0] ?? '');
      expect(imported.stdout).toContain(returnPath);
      const back = await openFromHq(await bytesOf(returnPath), a1, hqKeys);
      expect(back.payload.results.map((r) => r.opId)).toEqual(ops.map((o) => o.opId));

      // Twice: harmless, says so, writes nothing.
      const again = await runCli(place, ['import', input]);
      expect(again, again.stderr).toMatchObject({ code: 0 });
      expect(again.stdout).toContain('already imported; nothing applied');
      expect((await readdir(dir)).filter((name) => name.includes('_下发_'))).toHaveLength(1);
      expect(
        await perOp(
          hq,
          ops.map((o) => o.opId),
        ),
      ).toEqual(ops.map(() => ({ changes: 1, results: 1 })));

      // A damaged file: the reason, exit 1, nothing written.
      const damaged = await bytesOf(input);
      damaged[damaged.length - 2] = (damaged[damaged.length - 2] ?? 0) ^ 0x10;
      const damagedPath = join(dir, 'damaged.mzpkg');
      await writeFile(damagedPath, damaged);
      const refused = await runCli(place, ['import', damagedPath, '--out', join(dir, 'x.mzpkg')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^error: .+ \(package: package\.payload_damaged\)$/m);
      expect(await readdir(dir)).not.toContain('x.mzpkg');

      // export-for to a named file, into a new directory and into an existing one.
      const named = join(dir, 'for-office-a.mzpkg');
      const exported = await runCli(place, ['export-for', 'office-a', named, '--by', '县民政局']);
      expect(exported, exported.stderr).toMatchObject({ code: 0 });
      expect(exported.stdout).toContain('package 2 for office office-a: 9 changes');
      const opened = await openFromHq(await bytesOf(named), a1, hqKeys);
      expect(opened.manifest.createdBy).toBe('县民政局');
      const again2 = await runCli(place, ['export-for', 'office-a', named]);
      expect(again2.code).toBe(1);
      expect(again2.stderr).toContain('already exists');
      const outDir = join(dir, 'out');
      const intoNew = await runCli(place, ['export-for', 'office-a', `${outDir}/`]);
      expect(intoNew, intoNew.stderr).toMatchObject({ code: 0 });
      expect(await readdir(outDir)).toEqual([expect.stringMatching(/_下发_.*_3\.mzpkg$/)]);
      const intoDir = await runCli(place, ['export-for', 'office-a', dir]);
      expect(intoDir, intoDir.stderr).toMatchObject({ code: 0 });
      expect((await readdir(dir)).filter((name) => name.endsWith('_4.mzpkg'))).toHaveLength(1);

      const unknown = await runCli(place, ['export-for', 'nowhere', dir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('error: No office nowhere.');
    } finally {
      await hq.close();
      await rm(dir, { recursive: true, force: true });
      await place.drop();
    }
  }, 60_000);
});
