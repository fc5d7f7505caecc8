import type { PackageManifest, SeqRange } from './manifest';
import { packageRefusal } from './refusals';

/** What the receiver remembers of one sender's packages. */
export interface ImportedFromSender {
  /** Ids of packages already imported from this sender. */
  packageIds: ReadonlySet<string>;
  /** The highest package number imported from this sender (0: none yet). */
  lastNumber: number;
}

/**
 * Decides whether a package may be applied, in this order: imported before (a no-op,
 * said so), older than one already imported (a replay), or leaving a gap after what
 * the receiver holds. `holds` is, per range the package covers, the last position
 * the receiver already has (HQ: the device's last applied op; desk: its cursor).
 * Positions the package repeats are fine: they apply once, by op id or by cursor.
 */
export function checkOrder(
  manifest: PackageManifest,
  seen: ImportedFromSender,
  holds: { ops?: number; office?: number; reference?: number },
): void {
  if (seen.packageIds.has(manifest.packageId)) {
    throw packageRefusal(
      'package.duplicate',
      `Package ${manifest.number} was already imported; nothing to do.`,
      { number: manifest.number },
    );
  }
  if (manifest.number <= seen.lastNumber) {
    throw packageRefusal(
      'package.replay',
      `Package ${manifest.number} is older than package ${seen.lastNumber}, already imported.`,
      { number: manifest.number, last: seen.lastNumber },
    );
  }
  for (const stream of ['ops', 'office', 'reference'] as const) {
    const range: SeqRange | null = manifest.covers[stream];
    const held = holds[stream];
    if (!range || held === undefined || range.upTo === range.after) continue;
    if (range.after > held) {
      throw packageRefusal(
        'package.gap',
        `Changes ${held + 1}–${range.after} (${stream}) are missing: import the package that carries them first.`,
        { stream, from: held + 1, to: range.after },
      );
    }
  }
}
