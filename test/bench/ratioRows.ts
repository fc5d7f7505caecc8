import type { ColdStartFigures } from './coldStart';
import type { PackageFigures } from './packageBench';

/**
 * The table rows judged by a ratio to a baseline measured in the same run (issue #17
 * item 5: absolute targets do not survive a change of machine). docs/performance.md
 * explains each baseline.
 */
export const ratioTargets = { coldStart: 1.5, packageExport: 1.5 } as const;

export const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;

export function coldStartRow(cold: ColdStartFigures) {
  const r = ratio(cold.median.totalMs, cold.bareMedianMs);
  return {
    measure: `cold start of the built renderer, ${cold.persons} persons in IndexedDB (the median of ${cold.runs.length} runs; the login ${cold.typedKeyMs ? `typed a key every ${cold.typedKeyMs} ms, its typing not counted` : 'submitted the moment its form is ready'}), against a bare start (a page of the same origin: open the database, read the first 50 persons)`,
    figure: `navigation → login ready ${cold.median.loginReadyMs} ms + login submit → first person rows ${cold.median.submitToRowsMs} ms (→ shell ${cold.median.submitToShellMs} ms) = ${cold.median.totalMs} ms (runs: ${cold.runs.map((x) => x.totalMs).join(', ')} ms); bare start ${cold.bareMedianMs} ms (runs: ${cold.bareRuns.map((x) => x.rowsMs).join(', ')} ms) = ${r}×; the login's PBKDF2 alone ${cold.pbkdf2MedianMs} ms`,
    target: `≤ ${ratioTargets.coldStart}× bare`,
    met: r <= ratioTargets.coldStart,
  };
}

export function exportRow(packages: PackageFigures) {
  const r = ratio(packages.exportMs, packages.bareExportMs);
  const phases = Object.entries(packages.exportPhasesMs)
    .map(([phase, ms]) => `${phase} ${ms / 1000} s`)
    .join(', ');
  return {
    measure: `sync package of ${packages.ops} queued ops: export at the desk (exportPackage, Chromium, the median of 3), against reading the same queue and gzipping the same bytes (one getAll, JSON.stringify, native gzip; 3 runs)`,
    figure: `${packages.exportMs / 1000} s, ${packages.megabytes} MB (${phases}; runs ${packages.exportRuns.join(', ')} ms); bare ${packages.bareExportMs / 1000} s for ${packages.bareJsonMegabytes} MB of JSON (runs ${packages.bareExportRuns.join(', ')} ms) = ${r}×`,
    target: `≤ ${ratioTargets.packageExport}× bare`,
    met: r <= ratioTargets.packageExport,
  };
}
