import type { PackageManifest } from '@shared/package/manifest';

/**
 * What the supervisor's package screen sees of sync packages. The functions are in
 * exportPackage.ts, importPackage.ts and packageHistory.ts (same folder).
 */

/** Steps of a long export or import, for the progress bar. */
export type PackagePhase =
  | 'reading'
  | 'compressing'
  | 'encrypting'
  | 'signing'
  | 'checking'
  | 'decrypting'
  | 'applying'
  | 'done';

export interface PackageProgress {
  phase: PackagePhase;
  /** Items handled so far in this phase, of `total` (0 of 0 when a phase has no count). */
  done: number;
  total: number;
}

export type OnPackageProgress = (progress: PackageProgress) => void;

/** Records per kind and the time span of a package: for the summary and the preview. */
export interface PackageSummary {
  counts: Record<string, number>;
  total: number;
  dateRange: { from: string; to: string } | null;
}

export interface ExportedPackage {
  bytes: Uint8Array<ArrayBuffer>;
  /** e.g. 民政同步包_office-1_上报_20261129-0830_3.mzpkg */
  fileName: string;
  manifest: PackageManifest;
  summary: PackageSummary;
}

/** A return package checked (signature, receiver, order) and decrypted, not yet applied. */
export interface PackagePreview {
  manifest: PackageManifest;
  summary: PackageSummary;
  /** HQ's answers to this desk's ops: how many it holds, how many became conflicts or were refused. */
  acknowledged: { applied: number; conflicts: number; rejected: number; stillQueued: number };
  /**
   * What the package carries besides the answers: the county's changes (HQ's own and
   * other desks' work) and how many of them this desk does not have yet, apart from this
   * desk's own changes coming back as HQ now holds them (`own`: receipts, not news).
   */
  changes: { total: number; new: number; own: number };
}

export interface ImportedPackage extends PackagePreview {
  importedAt: string;
}

/** One line of the package history (exported and imported). */
export interface PackageHistoryEntry {
  packageId: string;
  direction: 'exported' | 'imported';
  number: number;
  fileName: string;
  /** When it was exported or imported here, and by whom. */
  at: string;
  by: string;
  summary: PackageSummary;
  /** Exported: HQ holds every op it carried (by a return package or online sync). */
  acknowledged: boolean | null;
}
