import type { Programme } from '@shared/domain/assistanceCase';
import type { DrawRollInput } from '@shared/rolls/drawRoll';
import type { DeskDatabase } from '../../database';
import { loadRuleBook, listStandards } from '../reference';
import { loadSettings } from '../settings';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { payeeAccountsTable, paymentRollsTable, rollUnpaidTable } from '../../tables/rollTables';

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

/** Everything drawRoll reads, from the desk's own store (HQ gathers the same from its own). */
export async function rollInputs(
  db: DeskDatabase,
  programme: Programme,
  month: string,
): Promise<DrawRollInput> {
  const [cases, persons, households, accounts, rolls, unpaid, standards, rules, settings] =
    await Promise.all([
      db.cases.toArray(),
      db.persons.toArray(),
      db.households.toArray(),
      payeeAccountsTable(db).toArray(),
      paymentRollsTable(db).toArray(),
      rollUnpaidTable(db).toArray(),
      listStandards(db),
      loadRuleBook(db),
      loadSettings(db),
    ]);
  const s = { ...defaultOfficeSettings, ...settings };
  return {
    programme,
    month,
    township: settings?.officeName ?? '',
    cases: live(cases).map((c) => ({ id: c.id, data: c })),
    persons: live(persons).map((p) => ({
      id: p.id,
      name: p.name,
      idNumber: p.idNumber,
      diedOn: p.diedOn ?? null,
    })),
    households: live(households).map((h) => ({
      id: h.id,
      headPersonId: h.headPersonId,
      headName: h.headName,
      villageName: h.villageName,
    })),
    accounts: live(accounts).map((a) => ({ id: a.id, data: a })),
    reference: {
      standards,
      rules,
      settings: {
        minPaymentPercentOfStandard: s.minPaymentPercentOfStandard,
        rounding: s.rounding,
        edgeMultiplierPermille: s.edgeMultiplierPermille,
        assetLimitMonthsOfStandard: s.assetLimitMonthsOfStandard,
      },
    },
    previousRolls: live(rolls)
      .filter((r) => r.programme === programme && r.month < month)
      .map((r) => ({ id: r.id, data: r })),
    unpaid: live(unpaid),
  };
}
