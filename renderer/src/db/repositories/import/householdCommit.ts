import type { Relation } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import type { PlannedHousehold } from '@shared/import/householdGroups';
import { householdRoster, type HouseholdField } from '@shared/import/householdRoster';
import { cellsOf, type ColumnMapping } from '@shared/import/types';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { loadSettings } from '../settings';
import { householdPlan, type HouseholdDryRun, type MatchChoice } from './householdImport';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** Why a person already registered joins a household the import registers. */
export const joinedOnImport = '名册导入时加入家庭';

/**
 * Writes the planned households in ONE write() transaction: each person and household
 * with its queue entry, validated as a hand-entered one (schema, rules, invariants). A
 * failing row or a cancel throws, and the transaction leaves nothing behind. Refuses
 * while the dry run has errors.
 */
export async function commitHouseholds(
  db: DeskDatabase,
  ctx: WriteContext,
  input: {
    sheet: RosterSheet;
    mapping: ColumnMapping<HouseholdField>;
    dry: HouseholdDryRun;
    choices: ReadonlyMap<number, MatchChoice>;
  },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ households: number; persons: number; linked: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { sheet, mapping, dry, choices } = input;
  const plan = householdPlan(dry, choices);
  if ([...dry.problems, ...plan.problems].some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const settings = await loadSettings(db);
  const areaCode = settings?.areaCode ?? '';
  const total = plan.households.reduce((n, h) => n + h.rows.length, 0);
  return write(db, ctx, async (w) => {
    const counts = { households: 0, persons: 0, linked: 0 };
    let done = 0;
    let reported = 0;
    for (const household of plan.households) {
      if (options.signal?.aborted) throw new ImportCancelled();
      await writeHousehold(w, sheet, mapping, dry, household, areaCode, counts);
      done += household.rows.length;
      if (done - reported >= 200 || done === total) {
        reported = done;
        options.onProgress?.({ done, total });
      }
    }
    return counts;
  });
}

async function writeHousehold(
  w: Writer,
  sheet: RosterSheet,
  mapping: ColumnMapping<HouseholdField>,
  dry: HouseholdDryRun,
  planned: PlannedHousehold,
  areaCode: string,
  counts: { households: number; persons: number; linked: number },
) {
  const householdId = newRecordId();
  const members: { personId: string; relation: Relation; name: string }[] = [];
  let head: { village: string; hukouType: 'urban' | 'rural'; address: string } | null = null;
  for (const row of planned.rows) {
    const { value } = householdRoster.readRow(
      cellsOf(sheet.rows[row] ?? [], mapping),
      row,
      w.today,
    );
    if (!value) throw rowFailure(row, { code: 'import.row_changed' });
    head ??= value;
    const match = dry.matches.get(row);
    try {
      if (match) {
        const existing = await w.get('person', match.personId);
        if (!existing || existing.deleted) throw rowFailure(row, { code: 'import.row_changed' });
        await w.update(
          'person',
          existing.id,
          existing.version,
          { householdId },
          { reason: joinedOnImport },
        );
        counts.linked++;
        members.push({ personId: existing.id, relation: value.relation, name: existing.name });
      } else {
        const person = await w.create('person', { ...value.person, householdId } as PersonData);
        counts.persons++;
        members.push({ personId: person.id, relation: value.relation, name: person.name });
      }
    } catch (error) {
      throw rowFailure(row, error);
    }
  }
  const first = members[0];
  if (!first || !head) return;
  try {
    await w.create(
      'household',
      {
        headPersonId: first.personId,
        headName: first.name,
        members: members.map((m) => ({ personId: m.personId, relation: m.relation })),
        areaCode,
        hukouType: head.hukouType,
        villageName: head.village,
        address: head.address,
      },
      householdId,
    );
  } catch (error) {
    throw rowFailure(planned.rows[0] ?? -1, error);
  }
  counts.households++;
}
