import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { benefitStandardDataSchema, calendarYearDataSchema } from '@shared/domain/reference';
import { programmeRuleDataSchema } from '@shared/programmes/ruleBook';
import type { HqTables } from '../db/schema';
import { listDevices, revokeDevice } from '../store/deviceAdmin';
import { addOffice, createEnrollmentCode } from '../store/offices';
import {
  decideCase,
  publishCalendarYear,
  publishProgrammeRule,
  publishStandard,
  setDelegation,
} from '../sync/hqChanges';
import { delegationDataSchema } from '@shared/domain/delegation';
import { requireAdmin } from './adminAuth';
import { parseBody } from './errors';

const officeSchema = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1).max(60),
});
const decisionSchema = z.object({
  action: z.enum(['confirm', 'deny']),
  opinion: z.string().trim().min(1).max(2000),
  decidedBy: z.string().trim().min(1).max(50),
});
const delegationBodySchema = delegationDataSchema.extend({
  setBy: z.string().trim().min(1).max(50),
});
const officeParamsSchema = z.object({ officeId: z.string().min(1) });
const deviceParamsSchema = z.object({ deviceId: z.string().min(1) });
const caseParamsSchema = z.object({ caseId: z.string().min(1) });
const publisherSchema = z.object({ publishedBy: z.string().trim().min(1).max(50) });
const calendarSchema = calendarYearDataSchema.omit({ source: true }).extend({
  publishedBy: z.string().trim().min(1).max(50),
});

/**
 * The county's API (the same operations as the `npm run hq` admin commands): offices,
 * enrollment codes, reference data and case decisions. Off unless HQ_ADMIN_TOKEN is set.
 */
export function adminRoutes(deps: {
  db: Kysely<HqTables>;
  adminToken: string | null;
  now: () => Date;
}): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', async (request: FastifyRequest) =>
      requireAdmin(request, deps.adminToken),
    );

    app.get('/offices/:officeId/devices', async (request) => {
      const { officeId } = parseBody(officeParamsSchema, request.params);
      return { devices: await listDevices(deps.db, officeId) };
    });
    app.post('/devices/:deviceId/revoke', async (request) => {
      const { deviceId } = parseBody(deviceParamsSchema, request.params);
      await revokeDevice(deps.db, deviceId);
      return { deviceId, revoked: true };
    });
    app.post('/offices', async (request) => {
      const body = parseBody(officeSchema, request.body);
      await addOffice(deps.db, body, deps.now());
      return { id: body.id };
    });
    app.post('/offices/:officeId/enrollment-codes', async (request) => {
      const { officeId } = request.params as { officeId: string };
      return { code: await createEnrollmentCode(deps.db, officeId, deps.now()) };
    });
    app.post('/standards', async (request) => {
      const { publishedBy } = parseBody(publisherSchema, request.body);
      const checked = parseBody(benefitStandardDataSchema, {
        ...(request.body as object),
        source: 'hq',
      });
      const { source: _source, ...fields } = checked;
      return { id: await publishStandard(deps.db, fields, publishedBy, deps.now()) };
    });
    app.post('/rules', async (request) => {
      const { publishedBy } = parseBody(publisherSchema, request.body);
      const checked = parseBody(programmeRuleDataSchema, {
        ...(request.body as object),
        source: 'hq',
      });
      const { source: _source, ...fields } = checked;
      return { id: await publishProgrammeRule(deps.db, fields, publishedBy, deps.now()) };
    });
    app.post('/calendars', async (request) => {
      const { publishedBy, ...year } = parseBody(calendarSchema, request.body);
      await publishCalendarYear(deps.db, year, publishedBy, deps.now());
      return { year: year.year };
    });
    app.post('/delegations', async (request) => {
      const { setBy, ...delegation } = parseBody(delegationBodySchema, request.body);
      return { id: await setDelegation(deps.db, delegation, setBy, deps.now()) };
    });
    app.post('/cases/:caseId/decision', async (request) => {
      const { caseId } = parseBody(caseParamsSchema, request.params);
      const body = parseBody(decisionSchema, request.body);
      await decideCase(deps.db, { caseId, ...body }, deps.now());
      return { caseId, action: body.action };
    });
  };
}
