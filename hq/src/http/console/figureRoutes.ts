import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { act, sentText } from './consoleActions';
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

  // Every query and path is checked inside `act`, so a refusal for it is logged too.
  app.get('/rolls', reading, async (request) =>
    act(deps, request, { action: 'rolls.read', target: '', right: 'read' }, () => {
      const q = parseBody(rollsQuerySchema, request.query);
      const filter = {
        ...(q.office ? { office: q.office } : {}),
        ...(q.month ? { month: q.month } : {}),
        ...(q.programme ? { programme: q.programme } : {}),
      };
      return listRolls(deps.db, filter);
    }),
  );

  app.get('/rolls/:rollId', reading, async (request) => {
    const target = sentText(request.params, 'rollId');
    return act(deps, request, { action: 'roll.read', target, right: 'read' }, () =>
      rollDetail(deps.db, parseBody(rollParamsSchema, request.params).rollId),
    );
  });

  const monthOf = (request: FastifyRequest) => parseBody(monthQuerySchema, request.query).month;
  app.get('/figures', reading, async (request) => {
    const target = sentText(request.query, 'month');
    return act(deps, request, { action: 'figures.read', target, right: 'read' }, () =>
      countyFigures(deps.db, monthOf(request)),
    );
  });

  app.get('/figures.xlsx', reading, async (request, reply) => {
    const target = sentText(request.query, 'month');
    const { book, month } = await act(
      deps,
      request,
      { action: 'figures.export', target, right: 'read' },
      async () => {
        const asked = monthOf(request);
        return { book: figuresWorkbook(await countyFigures(deps.db, asked)), month: asked };
      },
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
