import type { ImportReport } from '../packages/importPackage';
import type { WrittenPackage } from '../packages/returnPackage';

const perKind = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ') || '(none)';

/** What an import did, for the person at the county's desk. */
export function describeImport(summary: ImportReport, returnPath: string): string {
  const { ops, returnFile } = summary;
  return [
    `imported package ${summary.number} from office ${summary.officeId}, desk ${summary.deviceId} (made ${summary.createdAt} by ${summary.createdBy})`,
    `  ops: ${ops.total} — applied ${ops.applied}, conflicts ${ops.conflicts}, refused ${ops.rejected}, already held ${ops.alreadyHeld}` +
      (ops.deferred > 0 ? `, waiting for earlier ops ${ops.deferred}` : ''),
    `  per kind: ${perKind(ops.counts)}`,
    `return file ${returnFile.number}: ${returnFile.results} results, ${returnFile.changes} changes (${perKind(returnFile.counts)})`,
    `  written to ${returnPath}`,
  ].join('\n');
}

export function describeExport(written: WrittenPackage, path: string): string {
  const { manifest, summary } = written;
  const office = manifest.receiver.kind === 'office' ? manifest.receiver.officeId : '?';
  return [
    `package ${manifest.number} for office ${office}: ${summary.changes} changes (${perKind(summary.counts)})`,
    `  written to ${path}`,
  ].join('\n');
}
