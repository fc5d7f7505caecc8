import type { FastifyInstance, FastifyRequest } from 'fastify';
import { delegationDataSchema } from '@shared/domain/delegation';
import { benefitStandardDataSchema, calendarYearDataSchema } from '@shared/domain/reference';
import { programmeRuleDataSchema } from '@shared/programmes/ruleBook';
import {
  calendarOverview,
  delegationsOverview,
  rulesOverview,
  standardsOverview,
} from '../../console/reference/referenceData';
import {
  publishCalendarYear,
  publishProgrammeRule,
  publishStandard,
  setDelegation,
} from '../../sync/hqChanges';
import { parseBody } from '../errors';
import { act } from './consoleActions';
import { sessionOf } from './consoleAuth';
import type { ConsoleDeps, Guards } from './consoleRoutes';

const calendarBodySchema = calendarYearDataSchema.omit({ source: true });

/**
 * Reference data (issue #14 item 3): 低保 standards, the working-day calendar, 委托确认 and
 * programme rules, each with every version. Publishing is the administrators' right and
 * goes through the same functions as POST /v1/admin/* (hq/src/sync/hqChanges.ts), with the
 * same shared schemas: the publisher is the signed-in user, never a field of the body.
 * The right is checked before the body, so a refusal by role never depends on the input.
 */
export function referenceRoutes(app: FastifyInstance, deps: ConsoleDeps, guards: Guards) {
  const { changing, reading } = guards;
  const who = (request: FastifyRequest) => {
    const { user } = sessionOf(request);
    return `${user.displayName}（${user.username}）`;
  };
  const read = (action: string) => ({
    action: `reference.${action}.read`,
    target: '',
    right: 'read' as const,
  });
  const publish = (action: string, body: unknown) => ({
    action: `reference.${action}.publish`,
    target: '',
    right: 'publish' as const,
    detail: { body },
  });

  app.get('/reference/standards', reading, async (request) =>
    act(deps, request, read('standard'), () => standardsOverview(deps.db, deps.now())),
  );
  app.post('/reference/standards', changing, async (request) =>
    act(deps, request, publish('standard', request.body), async () => {
      const checked = parseBody(benefitStandardDataSchema, {
        ...(request.body as object),
        source: 'hq',
      });
      const { source: _source, ...fields } = checked;
      return { id: await publishStandard(deps.db, fields, who(request), deps.now()) };
    }),
  );

  app.get('/reference/calendars', reading, async (request) =>
    act(deps, request, read('calendar'), () => calendarOverview(deps.db)),
  );
  app.post('/reference/calendars', changing, async (request) =>
    act(deps, request, publish('calendar', request.body), async () => {
      const year = parseBody(calendarBodySchema, request.body);
      await publishCalendarYear(deps.db, year, who(request), deps.now());
      return { year: year.year };
    }),
  );

  app.get('/reference/delegations', reading, async (request) =>
    act(deps, request, read('delegation'), () => delegationsOverview(deps.db, deps.now())),
  );
  app.post('/reference/delegations', changing, async (request) =>
    act(deps, request, publish('delegation', request.body), async () => {
      const delegation = parseBody(delegationDataSchema, request.body);
      return { id: await setDelegation(deps.db, delegation, who(request), deps.now()) };
    }),
  );

  app.get('/reference/rules', reading, async (request) =>
    act(deps, request, read('rule'), () => rulesOverview(deps.db, deps.now())),
  );
  app.post('/reference/rules', changing, async (request) =>
    act(deps, request, publish('rule', request.body), async () => {
      const checked = parseBody(programmeRuleDataSchema, {
        ...(request.body as object),
        source: 'hq',
      });
      const { source: _source, ...fields } = checked;
      return { id: await publishProgrammeRule(deps.db, fields, who(request), deps.now()) };
    }),
  );
}
