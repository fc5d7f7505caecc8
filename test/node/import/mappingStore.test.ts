import { expect, it } from 'vitest';
import { applyRemembered, mappingAsHeadings, matchColumns } from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import {
  loadRememberedMapping,
  rememberMapping,
} from '../../../renderer/src/db/repositories/import/mappingStore';
import { openTestDesk, queuedAfterSetup } from '../../fakes/deskFixtures';

it('remembers an adjusted mapping on the desk, by heading, without queueing anything', async () => {
  const { db } = await openTestDesk();
  expect(await loadRememberedMapping(db, 'households')).toEqual({});
  const header = ['成员', '身份证号', '与户主关系', '户主姓名'];
  const matched = matchColumns(header, householdColumns);
  expect(matched.name).toBeNull();
  await rememberMapping(db, 'households', mappingAsHeadings({ ...matched, name: 0 }, header));
  // Next month's sheet: the same headings in another order.
  const next = ['户主姓名', '与户主关系', '成员', '身份证号'];
  const remembered = await loadRememberedMapping(db, 'households');
  const mapping = applyRemembered(matchColumns(next, householdColumns), next, remembered);
  expect(mapping).toMatchObject({ name: 2, idNumber: 3, relation: 1, headName: 0 });
  expect(await queuedAfterSetup(db)).toEqual([]);
});
