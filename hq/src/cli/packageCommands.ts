import { basename, dirname, resolve } from 'node:path';
import { AppError } from '@shared/errors/appError';
import { refusalOf } from '@shared/package/refusals';
import { asBytes } from '../packages/bytes';
import { exportForOffice } from '../packages/exportForOffice';
import { importDevicePackage } from '../packages/importPackage';
import { loadHqKeys } from '../store/hqKeys';
import type { Command } from './commands';
import { outputTarget, readPackageFile, writePackageFile } from './packageFiles';
import { describeExport, describeImport } from './packageReport';

/**
 * Sync packages at the county's desk: `import` a desk's package and write the return
 * file; `export-for` an office. Both print what they did; a refused package applies
 * nothing and fails with its reason (`error: … (package: package.<reason>)`).
 */
export const packageCommands: Record<string, Command> = {
  import: async (hq, [file], options) => {
    const input = resolve(required(file, 'file'));
    const bytes = asBytes(await readPackageFile(input));
    const target = await outputTarget(options.out ?? `${dirname(input)}/`);
    try {
      const { summary, returnPackage } = await importDevicePackage(
        hq.db,
        await loadHqKeys(hq),
        bytes,
        new Date(),
        { fileName: basename(input), ...(options.by ? { by: options.by } : {}) },
      );
      const out = target(returnPackage.fileName);
      await writePackageFile(out, returnPackage.bytes);
      return describeImport(summary, out);
    } catch (error) {
      // Importing the same file twice is harmless and says so: it is not a failure.
      if (refusalOf(error) !== 'package.duplicate') throw error;
      return `${basename(input)}: this package was already imported; nothing applied, no return file written.`;
    }
  },
  'export-for': async (hq, [officeId, file], options) => {
    const office = required(officeId, 'office');
    const target = await outputTarget(required(file, 'file'));
    const written = await exportForOffice(
      hq.db,
      await loadHqKeys(hq),
      office,
      new Date(),
      options.by,
    );
    const out = target(written.fileName);
    await writePackageFile(out, written.bytes);
    return describeExport(written, out);
  },
};

function required(value: string | undefined, name: string): string {
  if (value) return value;
  throw new AppError({
    code: 'validation',
    message: `Say which ${name}.`,
    fieldErrors: [{ path: name, code: 'field.required' }],
  });
}
