import type { Page } from 'playwright-core';
import { generateOffice, type OfficeSize, RecordStamper } from '../../bench/generator';
import { addUser, startDeskAsAdmin } from '../deskSession';
import { putInStore } from './deskPage';

/** The registrar the list tests log in as (added by the first run's administrator). */
export const registrar = { username: 'wang', name: '王登记', password: 'desk-clerk-2026' };

/** The desk's store each generated kind is pulled into. */
const storeOf = {
  person: 'persons',
  household: 'households',
  assistanceCase: 'cases',
  elderlyResident: 'elderlyResidents',
  elderlyAssessment: 'elderlyAssessments',
} as const;

export type PulledStore = (typeof storeOf)[keyof typeof storeOf];
/** A record as a pull leaves it (its fields as the generator made them). */
export type PulledRecord = { id: string; hqVersion: number } & Record<string, unknown>;
export type PulledOffice = Record<PulledStore, PulledRecord[]>;

/**
 * A generated office (same seed, same names and ID numbers) as a pull from HQ leaves it
 * in the desk's stores: each record at HQ version 1, by store. Kinds the list tests do not
 * read are left out.
 */
export function pulledOffice(seed: number, size: OfficeSize): PulledOffice {
  const stamper = new RecordStamper(
    'office-chengguan',
    'hq-seed',
    { userId: 'user-admin', name: '管理员', role: 'admin' } as never,
    Date.parse('2026-03-01T08:00:00Z'),
  );
  const office: PulledOffice = {
    persons: [],
    households: [],
    cases: [],
    elderlyResidents: [],
    elderlyAssessments: [],
  };
  for (const { kind, record } of generateOffice(seed, size, stamper)) {
    const store = storeOf[kind as keyof typeof storeOf] as PulledStore | undefined;
    if (store) office[store].push({ ...record, hqVersion: 1 });
  }
  return office;
}

/**
 * A desk at its first run: the administrator adds the registrar and logs out, and
 * `records` are put in the store as the registrar's login opens it. The caller logs in.
 */
export async function deskWithPulled(
  page: Page,
  url: string,
  records: Partial<PulledOffice>,
): Promise<void> {
  await page.goto(url);
  await startDeskAsAdmin(page);
  await addUser(page, registrar, '登记员');
  await page.getByRole('button', { name: '退出登录' }).click();
  await putInStore(page, records, registrar);
}
