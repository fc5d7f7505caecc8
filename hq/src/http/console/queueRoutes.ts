import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, toAppErrorData } from '@shared/errors/appError';
import { caseFile, findCase, revealId } from '../../console/queue/caseFile';
import { approvingActionOf } from '../../console/queue/countySteps';
import { countyQueue } from '../../console/queue/queue';
import { drawSpotCheck, listSpotChecks } from '../../console/queue/spotChecks';
import { decideCase } from '../../sync/hqChanges';
import { parseBody } from '../errors';
import { act, sentText } from './consoleActions';
import { sessionOf } from './consoleAuth';
import type { ConsoleDeps, Guards } from './consoleRoutes';

const queueQuerySchema = z.object({
  office: z.string().max(64).optional(),
  programme: z.string().max(40).optional(),
  village: z.string().max(60).optional(),
  overdue: z.enum(['1', '0', 'true', 'false']).optional(),
});
const caseParamsSchema = z.object({ caseId: z.string().min(1).max(64) });
// An empty opinion is refused by decideCase itself (workflow.opinion_required).
const opinionSchema = z.string().max(2000);
const decisionSchema = z.object({ action: z.string().min(1).max(40), opinion: opinionSchema });
const revealSchema = z.object({ personId: z.string().min(1).max(64) });
const bulkSchema = z.object({
  caseIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  opinion: opinionSchema,
});

/**
 * 待确认 (issue #14 item 2): the queue of cases waiting for the county, the case file, a
 * logged reveal of one ID number, the county's decisions (through decideCase, the same
 * path as the admin API and the CLI), bulk confirm and 抽查 draws.
 */
export function queueRoutes(app: FastifyInstance, deps: ConsoleDeps, guards: Guards) {
  const { changing, reading } = guards;
  const who = (request: Parameters<typeof sessionOf>[0]) => {
    const { user } = sessionOf(request);
    return `${user.displayName}（${user.username}）`;
  };

  app.get('/queue', reading, async (request) =>
    act(deps, request, { action: 'queue.read', target: '', right: 'read' }, () => {
      const q = parseBody(queueQuerySchema, request.query);
      const filter = {
        ...(q.office ? { office: q.office } : {}),
        ...(q.programme ? { programme: q.programme } : {}),
        ...(q.village ? { village: q.village } : {}),
        overdue: q.overdue === '1' || q.overdue === 'true',
      };
      return countyQueue(deps.db, filter, deps.now());
    }),
  );

  app.get('/cases/:caseId', reading, async (request) => {
    const target = sentText(request.params, 'caseId');
    return act(deps, request, { action: 'case.read', target, right: 'read' }, () =>
      caseFile(deps.db, parseBody(caseParamsSchema, request.params).caseId),
    );
  });

  // Reading a whole ID number is a deciding right and is always logged.
  app.post('/cases/:caseId/reveal', changing, async (request) => {
    const target = sentText(request.params, 'caseId');
    const what = { action: 'id.reveal', target, right: 'decide' as const };
    const detail = { personId: sentText(request.body, 'personId') };
    return act(deps, request, { ...what, detail }, () => {
      const { caseId } = parseBody(caseParamsSchema, request.params);
      const { personId } = parseBody(revealSchema, request.body);
      return revealId(deps.db, caseId, personId);
    });
  });

  app.post('/cases/:caseId/decision', changing, async (request) => {
    const sent = sentText(request.body, 'action').slice(0, 40);
    const target = sentText(request.params, 'caseId');
    const what = { action: `case.${sent}`, target, right: 'decide' as const };
    const detail = { opinion: sentText(request.body, 'opinion', 2000) };
    return act(deps, request, { ...what, detail }, async () => {
      const { caseId } = parseBody(caseParamsSchema, request.params);
      const { action, opinion } = parseBody(decisionSchema, request.body);
      await decideCase(deps.db, { caseId, action, opinion, decidedBy: who(request) }, deps.now());
      return { caseId, action };
    });
  });

  // Bulk confirm: each case its own approving action and its own transaction; a refusal
  // is that case's result and the others go on.
  app.post('/queue/confirm', changing, async (request) => {
    // The request as a whole first: the role, then the body; both logged.
    const detail = { opinion: sentText(request.body, 'opinion', 2000) };
    const { caseIds, opinion } = await act(
      deps,
      request,
      { action: 'case.bulk_confirm', target: '', right: 'decide', detail },
      async () => {
        const body = parseBody(bulkSchema, request.body);
        if (!body.opinion.trim()) {
          throw new AppError({
            code: 'validation',
            message: 'A county decision needs an opinion.',
            fieldErrors: [{ path: 'opinion', code: 'workflow.opinion_required' }],
          });
        }
        return body;
      },
    );
    const results = [];
    for (const caseId of [...new Set(caseIds)]) {
      try {
        const action = await act(
          deps,
          request,
          { action: 'case.bulk_confirm', target: caseId, right: 'decide', detail: { opinion } },
          async () => {
            const found = await findCase(deps.db, caseId);
            const approving = approvingActionOf(found.data);
            if (!approving) {
              throw new AppError({
                code: 'invalid_transition',
                message: `Case ${caseId} does not wait for the county's confirmation.`,
                fieldErrors: [
                  {
                    path: 'status',
                    code: 'console.not_waiting',
                    params: { status: found.data.status },
                  },
                ],
              });
            }
            await decideCase(
              deps.db,
              { caseId, action: approving, opinion, decidedBy: who(request) },
              deps.now(),
            );
            return approving;
          },
        );
        results.push({ caseId, ok: true as const, action });
      } catch (error) {
        const data = toAppErrorData(error);
        if (data.code === 'forbidden') throw error;
        results.push({ caseId, ok: false as const, error: data });
      }
    }
    return { results };
  });

  app.get('/spot-checks', reading, async (request) =>
    act(deps, request, { action: 'spot_check.list', target: '', right: 'read' }, async () => ({
      percent: deps.config.spotCheckPercent,
      checks: await listSpotChecks(deps.db),
    })),
  );

  app.post('/spot-checks', changing, async (request) => {
    const percent = deps.config.spotCheckPercent;
    return act(
      deps,
      request,
      { action: 'spot_check.draw', target: '', right: 'decide', detail: { percent } },
      () => drawSpotCheck(deps.db, percent, who(request), deps.now()),
    );
  });
}
