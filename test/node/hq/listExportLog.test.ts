import { afterEach, describe, expect, it } from 'vitest';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import { personsSource } from '../../../renderer/src/db/repositories/export/personsSource';
import { personsList } from '../../../renderer/src/export/lists/persons';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * A supervisor's full list export is logged at the desk and reaches the county: HQ
 * takes the access-log entry (who, which list, rows, filter) with the office's other
 * work. A registrar's masked export writes no entry, so HQ holds none.
 */
let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe.each(hqStorages)('a full list export at HQ over $kind', (storage) => {
  it('arrives in the access log there; a masked one leaves none', async () => {
    running = await startHq({ storage });
    const desk = await openOfficeDesk('office-a', 'exp');
    await enroll(desk, running);
    await createPersons(desk, 3);

    const masked = await runListExport(desk.db, desk.ctx, personsList, personsSource(desk.db, ''));
    expect(masked).toMatchObject({ full: false, rows: 3 });
    const full = await runListExport(
      desk.db,
      desk.as('supervisor'),
      personsList,
      personsSource(desk.db, ''),
    );
    expect(full).toMatchObject({ full: true, rows: 3 });
    expect(await sync(desk)).toMatchObject({ rejected: 0 });

    const logged = await running.hq.db
      .selectFrom('records')
      .select(['data', 'created_by'])
      .where('office_id', '=', 'office-a')
      .where('kind', '=', 'accessLog')
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.created_by).toBe('user-supervisor-exp');
    expect(JSON.parse(logged[0]?.data ?? '{}')).toMatchObject({
      action: 'export',
      subjectKind: 'list',
      subjectId: 'persons',
      purpose: '导出人员名单（完整证件号码）3 行；筛选：全部',
    });
  });
});
