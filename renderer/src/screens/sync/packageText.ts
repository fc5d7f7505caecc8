/**
 * Wording for sync packages: the progress phase, the parties, a package's summary and
 * why a package was refused. Codes are always translated; none is shown raw.
 */
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import type { FileFilter } from '@shared/ipc/contract';
import type { PackageManifest } from '@shared/package/manifest';
import { isMessageKey, type Language, type Translate } from '../../i18n/translate';
import type { PackageProgress, PackageSummary } from '../../sync/packages/packageTypes';
import { formatTime, kindLabel } from './syncText';

/** The file dialogs' filter: packages only. */
export function packageFilters(t: Translate): FileFilter[] {
  return [{ name: t('packages.fileFilter'), extensions: ['mzpkg'] }];
}

/** "正在加密（3/10）…": the phase, with the count when the phase has one. */
export function phaseText(t: Translate, progress: PackageProgress): string {
  const phase = t(`packages.phase.${progress.phase}`);
  return progress.total > 0
    ? t('packages.phase.counted', { phase, done: progress.done, total: progress.total })
    : t('packages.phase.plain', { phase });
}

type Party = PackageManifest['sender'] | PackageManifest['receiver'];

export function partyText(t: Translate, party: Party): string {
  switch (party.kind) {
    case 'hq':
      return t('packages.party.hq');
    case 'office':
      return t('packages.party.office', { officeId: party.officeId });
    case 'device':
      return t('packages.party.device', { officeId: party.officeId, deviceId: party.deviceId });
  }
}

/**
 * Who made a package. HQ's CLI writes its operator's name, or "HQ" when none was given:
 * a package from HQ says 县局, with the operator's name when there is one.
 */
export function createdByText(t: Translate, manifest: PackageManifest): string {
  if (manifest.sender.kind !== 'hq') return manifest.createdBy;
  const name = manifest.createdBy.trim();
  return name === '' || name.toUpperCase() === 'HQ'
    ? t('packages.party.hq')
    : t('words.packages.createdByHqPerson', { name });
}

/** "人员 3、家庭 1", largest first; "—" (by FactList) when empty. */
export function countsText(t: Translate, counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, count]) => t('packages.value.countItem', { kind: kindLabel(t, kind), count }))
    .join(t('packages.value.separator'));
}

export function dateRangeText(
  t: Translate,
  language: Language,
  range: PackageSummary['dateRange'],
): string {
  if (!range) return '';
  return t('packages.value.dateRange', {
    from: formatTime(language, range.from),
    to: formatTime(language, range.to),
  });
}

/** The facts every summary shows: how many changes, of which kinds, made when. */
export function summaryFacts(
  t: Translate,
  language: Language,
  summary: PackageSummary,
): [string, string][] {
  return [
    [t('packages.fact.total'), t('packages.value.total', { count: summary.total })],
    [t('packages.fact.counts'), countsText(t, summary.counts)],
    [t('packages.fact.dateRange'), dateRangeText(t, language, summary.dateRange)],
  ];
}

/** The refusal of a package, if the error is one (field `package`). */
export function packageFieldError(error: AppErrorData): FieldError | null {
  return error.fieldErrors?.find((e) => e.path === 'package') ?? null;
}

/** "Imported before": told as information, not as a failure. */
export function isDuplicatePackage(error: AppErrorData): boolean {
  return packageFieldError(error)?.code === 'package.duplicate';
}

/** Why exporting, opening or importing a package failed, in words. */
export function packageErrorText(t: Translate, error: AppErrorData): string {
  const refusal = packageFieldError(error);
  if (refusal && isMessageKey(refusal.code)) {
    const params = { ...refusal.params };
    if (refusal.code === 'package.gap' && typeof params.stream === 'string') {
      const stream = `packages.stream.${params.stream}`;
      if (isMessageKey(stream)) params.stream = t(stream);
    }
    return t(refusal.code, params);
  }
  const fileError = error.fieldErrors?.find((e) => e.path === 'file');
  if (fileError && isMessageKey(fileError.code)) return t(fileError.code, fileError.params);
  // Disk problems the file handlers word by their code (see electron/ipc/handlers/fileAccess.ts).
  if (error.details?.fsCode !== undefined) {
    if (error.code === 'not_found') return t('packages.error.fileGone');
    if (error.code === 'unavailable') return t('packages.error.diskFull');
    return t('packages.error.fileLocked');
  }
  if (error.code === 'forbidden') return t('packages.error.forbidden');
  const key = `error.${error.code}`;
  return t(isMessageKey(key) ? key : 'error.internal');
}

/** Whether the cure is to connect to HQ first. */
export function needsEnrollment(error: AppErrorData): boolean {
  return packageFieldError(error)?.code === 'package.not_enrolled';
}
