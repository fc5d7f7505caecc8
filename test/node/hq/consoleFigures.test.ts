import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { twoOfficesPaying } from './figuresKit';

/**
 * 发放名册 and 统计 on the real HQ (issue #14 item 5): the roll office A's desk pushed,
 * listed and filtered, its lines with masked ID and account numbers; the figures of two
 * offices and two programmes; the Excel export opened back with exceljs; a bad month a
 * 400 naming the field; every role reads, nobody without a session.
 */
interface Row {
  programme: string;
  officeId: string;
  casesInPayment: number;
  peopleCovered: number;
  newCases: number;
  stoppedCases: number;
  rollStatus: string;
  paidFen: number;
}

let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

/** The export as the browser downloads it: the session cookie, the raw bytes. */
async function download(client: ConsoleClient, path: string) {
  const response = await fetch(`${client.baseUrl}/v1/console${path}`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { response, bytes: await response.arrayBuffer() };
}

describe.each(hqStorages)('rolls and figures over $kind', (storage) => {
  it('lists the pushed roll, shows its lines masked, computes and exports the figures', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const work = await twoOfficesPaying(hq);
    await consoleUser(hq, 'kan', 'viewer');
    const viewer = new ConsoleClient(hq.url);
    expect((await viewer.login('kan')).status).toBe(200);

    // The rolls list: office A's approved roll with its hash; filters.
    const list = await viewer.call('GET', '/rolls');
    expect(list.status).toBe(200);
    const rolls = list.body.rolls as Record<string, unknown>[];
    expect(rolls).toEqual([
      expect.objectContaining({
        id: work.roll.id,
        officeId: 'office-a',
        programme: 'dibao',
        month: work.month,
        rollVersion: 1,
        status: 'approved',
        hash: work.roll.hash,
        lineCount: 1,
        totalFen: work.roll.totalFen,
        approvedBy: '主管a1',
      }),
    ]);
    const ids = async (query: string) =>
      ((await viewer.call('GET', `/rolls${query}`)).body.rolls as { id: string }[]).map(
        (r) => r.id,
      );
    expect(await ids('?office=office-a')).toEqual([work.roll.id]);
    expect(await ids('?office=office-b')).toEqual([]);
    expect(await ids(`?month=${work.month}&programme=dibao`)).toEqual([work.roll.id]);
    expect(await ids('?programme=tekun')).toEqual([]);
    const badFilter = await viewer.call('GET', '/rolls?month=2026-7');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.fieldErrors).toEqual([expect.objectContaining({ path: 'month' })]);

    // One roll: names, the ID number masked (first 6 + last 4), the account to its last 4.
    const detail = await viewer.call('GET', `/rolls/${work.roll.id}`);
    expect(detail.status).toBe(200);
    const line = work.roll.lines[0];
    if (!line) throw new Error('no line');
    expect(JSON.stringify(detail.body)).not.toContain(line.headIdNumber);
    expect(JSON.stringify(detail.body)).not.toContain(line.accountNumber);
    expect(detail.body).toMatchObject({
      hashMatches: true,
      totals: { lines: 1, paidFen: work.roll.totalFen, unpaidFen: 0 },
    });
    expect(detail.body.lines).toEqual([
      expect.objectContaining({
        headName: line.headName,
        headIdNumberMasked: `${line.headIdNumber.slice(0, 6)}********${line.headIdNumber.slice(14)}`,
        accountMasked: `****${line.accountNumber.slice(-4)}`,
        paidFen: work.roll.totalFen,
      }),
    ]);
    expect((await viewer.call('GET', '/rolls/no-such-roll')).status).toBe(404);

    // The figures of the roll's month: two offices, 低保 in both, paid only where approved.
    const figures = await viewer.call('GET', `/figures?month=${work.month}`);
    expect(figures.status).toBe(200);
    const rows = figures.body.rows as Row[];
    const row = (programme: string, office: string) =>
      rows.find((r) => r.programme === programme && r.officeId === office);
    const covered = (c: { coveredPersonIds: string[] }) => c.coveredPersonIds.length;
    expect(row('dibao', 'office-a')).toMatchObject({
      casesInPayment: 1,
      peopleCovered: covered(work.dibaoA),
      newCases: 1,
      stoppedCases: 0,
      rollStatus: 'approved',
      paidFen: work.roll.totalFen,
    });
    expect(row('dibao', 'office-b')).toMatchObject({
      casesInPayment: 1,
      peopleCovered: covered(work.dibaoB),
      newCases: 1,
      rollStatus: 'none',
      paidFen: 0,
    });
    expect(row('tekun', 'office-a')).toMatchObject({ casesInPayment: 0, paidFen: 0 });
    expect(figures.body.totals).toContainEqual(
      expect.objectContaining({
        programme: 'dibao',
        officeId: '',
        casesInPayment: 2,
        paidFen: work.roll.totalFen,
      }),
    );
    const series = figures.body.series as { month: string; paidFen: Record<string, number> }[];
    expect(series).toHaveLength(12);
    expect(series[11]).toEqual({
      month: work.month,
      paidFen: { dibao: work.roll.totalFen, tekun: 0, temporary: 0 },
    });
    // The one-off's month: 临时救助 at office B, paid on a roll not yet drawn.
    const oneOffMonth = await viewer.call('GET', `/figures?month=${work.oneOffMonth}`);
    expect(
      (oneOffMonth.body.rows as Row[]).find(
        (r) => r.programme === 'temporary' && r.officeId === 'office-b',
      ),
    ).toMatchObject({
      casesInPayment: 1,
      peopleCovered: covered(work.oneOff),
      newCases: 1,
      rollStatus: 'none',
    });

    // A bad month: 400 naming the field; none at all likewise.
    for (const query of ['?month=2026-13', '?month=七月', '']) {
      const bad = await viewer.call('GET', `/figures${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors).toEqual([expect.objectContaining({ path: 'month' })]);
    }
    expect((await download(viewer, '/figures.xlsx?month=2026-00')).response.status).toBe(400);

    // The export: a Chinese file name, Chinese headers, yuan with 2 decimals from fen.
    const { response, bytes } = await download(viewer, `/figures.xlsx?month=${work.month}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const disposition = response.headers.get('content-disposition') ?? '';
    const year = work.month.slice(0, 4);
    const mm = work.month.slice(5, 7);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      `社会救助统计-${year}年${mm}月.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.getWorksheet('月度统计');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(`${year}年${mm}月 社会救助统计`);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '救助项目',
      '乡镇（街道）',
      '在保案件数',
      '保障人数',
      '本月新增',
      '本月停发',
      '名册状态',
      '名册金额（元）',
      '银行未到账（元）',
      '先行救助现金（元）',
      '实发金额（元）',
    ]);
    const sheetRows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const names = figures.body.offices as { id: string; name: string }[];
    const nameA = names.find((o) => o.id === 'office-a')?.name;
    expect(nameA).toBeTruthy();
    const rowA = sheetRows.find((r) => r[1] === '低保' && r[2] === nameA);
    expect(rowA?.slice(3, 8)).toEqual([1, covered(work.dibaoA), 1, 0, '已批准']);
    expect(rowA?.[11]).toBe(work.roll.totalFen / 100);
    const total = sheetRows.find((r) => r[1] === '低保' && r[2] === '合计');
    expect(total?.slice(3, 5)).toEqual([2, covered(work.dibaoA) + covered(work.dibaoB)]);
    expect(sheet.getColumn(11).numFmt).toBe('#,##0.00');
    const last = book.getWorksheet('近12个月发放');
    expect(last?.getRow(1).getCell(2).value).toBe('低保实发（元）');
    expect(last?.getRow(13).values).toEqual([
      undefined,
      work.month,
      work.roll.totalFen / 100,
      0,
      0,
      work.roll.totalFen / 100,
    ]);

    // Every request is in the audit log, the export with its month.
    const audit = (await listAudit(hq.hq.db, 100)).map(
      (a) => `${a.action}:${a.target}:${a.result}`,
    );
    expect(audit).toContain(`figures.export:${work.month}:ok`);
    expect(audit).toContain(`roll.read:${work.roll.id}:ok`);
    expect(audit).toContain('rolls.read::ok');

    // Every role reads them.
    for (const role of ['reviewer', 'admin'] as const) {
      await consoleUser(hq, role, role);
      const other = new ConsoleClient(hq.url);
      expect((await other.login(role)).status).toBe(200);
      expect((await other.call('GET', `/figures?month=${work.month}`)).status).toBe(200);
      expect((await other.call('GET', `/rolls/${work.roll.id}`)).status).toBe(200);
    }

    // No session, no figures; a desk's device token opens nothing here.
    const stranger = new ConsoleClient(hq.url);
    expect((await stranger.call('GET', `/figures?month=${work.month}`)).status).toBe(401);
    expect((await download(stranger, `/figures.xlsx?month=${work.month}`)).response.status).toBe(
      401,
    );
    const device = await fetch(`${hq.url}/v1/console/rolls`, {
      headers: { authorization: `Bearer ${work.deskA.token ?? ''}` },
    });
    expect(device.status).toBe(401);
  }, 180_000);
});
