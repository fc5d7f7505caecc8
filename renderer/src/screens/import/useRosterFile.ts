import { useState } from 'react';
import { toAppErrorData } from '@shared/errors/appError';
import {
  applyRemembered,
  findHeaderRow,
  mappingAsHeadings,
  matchColumns,
} from '@shared/import/headings';
import type { ColumnMapping } from '@shared/import/types';
import { loadRememberedMapping, rememberMapping } from '../../db/repositories/import/mappingStore';
import {
  readRosterFile,
  rosterSheet,
  type RosterSheet,
} from '../../db/repositories/import/readSheet';
import type { RosterModule } from '../../db/repositories/import/rosterModules';

export type FileProblem = 'import.noHeader' | 'import.readFailed' | 'error.partNotLoaded';

type Db = Parameters<typeof loadRememberedMapping>[0];

/**
 * The chosen file as a roster sheet with its column mapping for the chosen roster type:
 * matched by heading, the office's remembered changes laid over, each change the user
 * makes remembered. The file's rows are read once and kept, so another roster type
 * maps the same file again without reading it.
 */
export function useRosterFile(db: Db) {
  const [name, setName] = useState('');
  const [all, setAll] = useState<string[][] | null>(null);
  const [sheet, setSheet] = useState<RosterSheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);

  async function prepare(rows: string[][], roster: RosterModule) {
    setSheet(null);
    setMapping(null);
    setProblem(null);
    const headerIndex = findHeaderRow(rows, roster.columns);
    if (headerIndex < 0) {
      setProblem('import.noHeader');
      return;
    }
    const read = rosterSheet(rows, headerIndex);
    const remembered = await loadRememberedMapping(db, roster.type);
    setMapping(applyRemembered(matchColumns(read.header, roster.columns), read.header, remembered));
    setSheet(read);
  }

  async function open(file: File, roster: RosterModule) {
    setName(file.name);
    setAll(null);
    // Until the new file is read, nothing of the last one may be checked or imported.
    setSheet(null);
    setMapping(null);
    setProblem(null);
    let rows: string[][];
    try {
      rows = await readRosterFile(file.name, await file.arrayBuffer());
    } catch (thrown) {
      setSheet(null);
      // The file's fault, unless the desk's own spreadsheet part could not be loaded.
      const partMissing = toAppErrorData(thrown).details?.reason === 'part_not_loaded';
      setProblem(partMissing ? 'error.partNotLoaded' : 'import.readFailed');
      return;
    }
    setAll(rows);
    await prepare(rows, roster);
  }

  /** The same file read for another roster type. */
  async function retype(roster: RosterModule) {
    if (all) await prepare(all, roster);
  }

  function change(next: ColumnMapping, roster: RosterModule) {
    setMapping(next);
    if (sheet) void rememberMapping(db, roster.type, mappingAsHeadings(next, sheet.header));
  }

  return { name, sheet, mapping, problem, open, retype, change };
}
