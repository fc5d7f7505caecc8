import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoMonthSchema, programmes } from '@shared/domain/assistanceCase';
import { countyFigures } from '../../console/figures/figures';
import {
  downloadHeader,
  figuresWorkbook,
  monthWords,
  workbookStream,
} from '../../console/figures/figuresXlsx';
import { listRolls, rollDetail } from '../../console/figures/rolls';
import { parseBody } from '../errors';
import { act } from './consoleActions';
import type { ConsoleDeps, Guards } from './consoleRoutes';

const rollsQuerySchema = z.object({
  office: z.string().max(64).optional(),
  month: isoMonthSchema.optional(),
  programme: z.enum(programmes).optional(),
});
const rollParamsSchema = z.object({ rollId: z.string().min(1).max(64) });
const monthQuerySchema = z.object({ month: isoMonthSchema });

/**
 * 发放名册 and 统计 (issue #14 item 5): the offices' payment rolls (list, one roll's
 * lines masked), the county's monthly figures and their Excel export. Reading only;
 * every request is an audit line, the export named with its month.
 */
export function figureRoutes(app: FastifyInstance, deps: ConsoleDeps, guards: Guards) {
  const { reading } = guards;

  app.get('/rolls', reading, async (request) => {
    const q = parseBody(rollsQuerySchema, request.query);
    const filter = {
      ...(q.office ? { office: q.office } : {}),
      ...(q.month ? { month: q.month } : {}),
      ...(q.programme ? { programme: q.programme } : {}),
    };
    return act(deps, request, { action: 'rolls.read', target: '', right: 'read' }, () =>
      listRolls(deps.db, filter),
    );
  });

  app.get('/rolls/:rollId', reading, async (request) => {
    const { rollId } = parseBody(rollParamsSchema, request.params);
    return act(deps, request, { action: 'roll.read', target: rollId, right: 'read' }, () =>
      rollDetail(deps.db, rollId),
    );
  });

  app.get('/figures', reading, async (request) => {
    const { month } = parseBody(monthQuerySchema, request.query);
    return act(deps, request, { action: 'figures.read', target: month, right: 'read' }, () =>
      countyFigures(deps.db, month),
    );
  });

  app.get('/figures.xlsx', reading, async (request, reply) => {
    const { month } = parseBody(monthQuerySchema, request.query);
    const book = await act(
      deps,
      request,
      { action: 'figures.export', target: month, right: 'read' },
      async () => figuresWorkbook(await countyFigures(deps.db, month)),
    );
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        downloadHeader(`社会救助统计-${monthWords(month)}.xlsx`, `figures-${month}.xlsx`),
      )
      .header('cache-control', 'no-store');
    return reply.send(workbookStream(book));
  });
}
