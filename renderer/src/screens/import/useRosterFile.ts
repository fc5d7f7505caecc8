import { useState } from 'react';
import {
  applyRemembered,
  findHeaderRow,
  mappingAsHeadings,
  matchColumns,
} from '@shared/import/headings';
import { householdColumns, type HouseholdField } from '@shared/import/householdRoster';
import type { ColumnMapping } from '@shared/import/types';
import { loadRememberedMapping, rememberMapping } from '../../db/repositories/import/mappingStore';
import {
  readRosterFile,
  rosterSheet,
  type RosterSheet,
} from '../../db/repositories/import/readSheet';

export type FileProblem = 'import.noHeader' | 'import.readFailed';

/**
 * The chosen file as a roster sheet with its column mapping: matched by heading, the
 * office's remembered changes laid over, and each change the user makes remembered.
 */
export function useRosterFile(db: Parameters<typeof loadRememberedMapping>[0]) {
  const [name, setName] = useState('');
  const [sheet, setSheet] = useState<RosterSheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping<HouseholdField> | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);

  async function open(file: File) {
    setName(file.name);
    setSheet(null);
    setMapping(null);
    setProblem(null);
    let all: string[][];
    try {
      all = await readRosterFile(file.name, await file.arrayBuffer());
    } catch {
      setProblem('import.readFailed');
      return;
    }
    const headerIndex = findHeaderRow(all, householdColumns);
    if (headerIndex < 0) {
      setProblem('import.noHeader');
      return;
    }
    const read = rosterSheet(all, headerIndex);
    const remembered = await loadRememberedMapping(db, 'households');
    setMapping(
      applyRemembered(matchColumns(read.header, householdColumns), read.header, remembered),
    );
    setSheet(read);
  }

  function change(next: ColumnMapping<HouseholdField>) {
    setMapping(next);
    if (sheet) void rememberMapping(db, 'households', mappingAsHeadings(next, sheet.header));
  }

  return { name, sheet, mapping, problem, open, change };
}
