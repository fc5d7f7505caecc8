import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import { officeDetail } from '../../console/offices/officeDetail';
import { officeOverview } from '../../console/offices/officeOverview';
import { asBytes } from '../../packages/bytes';
import { exportForOffice } from '../../packages/exportForOffice';
import { importDevicePackage, previewDevicePackage } from '../../packages/importPackage';
import { revokeDevice } from '../../store/deviceAdmin';
import { addOffice, createEnrollmentCode } from '../../store/offices';
import { parseBody } from '../errors';
import { maxPackageBytes, sendPackage } from '../packageRoutes';
import { act, rightBeforeBody, sentText } from './consoleActions';
import { sessionOf } from './consoleAuth';
import type { ConsoleDeps, Guards } from './consoleRoutes';

// The same rules as the admin API's office (adminRoutes.ts); addOffice checks the code.
const officeSchema = z.object({
  id: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(60),
});
const officeParamsSchema = z.object({ officeId: z.string().min(1).max(40) });
const deviceParamsSchema = z.object({ deviceId: z.string().min(1).max(64) });

/**
 * 乡镇办 (issue #14 item 4): offices with their desks, an office's refusals and packages,
 * and — for administrators — a new office, an enrollment code, a revoked desk, a desk's
 * package previewed and imported by upload (the return file comes back) and an export
 * for an office. The same store and package functions as the admin API and the CLI.
 */
export function officeRoutes(app: FastifyInstance, deps: ConsoleDeps, guards: Guards) {
  const { changing, reading } = guards;
  const by = (request: FastifyRequest) => {
    const { user } = sessionOf(request);
    return `${user.displayName}（${user.username}）`;
  };
  const manage = (action: string, target: string, detail?: Record<string, unknown>) => ({
    action,
    target,
    right: 'manageOffices' as const,
    ...(detail ? { detail } : {}),
  });

  app.get('/offices', reading, async (request) =>
    act(deps, request, { action: 'office.list', target: '', right: 'read' }, async () => ({
      offices: await officeOverview(deps.db),
      now: deps.now().toISOString(),
    })),
  );

  app.get('/offices/:officeId', reading, async (request) => {
    const target = sentText(request.params, 'officeId');
    return act(deps, request, { action: 'office.read', target, right: 'read' }, () =>
      officeDetail(deps.db, parseBody(officeParamsSchema, request.params).officeId, deps.now()),
    );
  });

  app.post('/offices', changing, async (request) => {
    const sent = (name: string) => sentText(request.body, name);
    return act(
      deps,
      request,
      manage('office.add', sent('id'), { name: sent('name') }),
      async () => {
        const body = parseBody(officeSchema, request.body);
        await addOffice(deps.db, body, deps.now());
        return { id: body.id };
      },
    );
  });

  // The code is shown once: HQ keeps only its hash (store/offices.ts).
  app.post('/offices/:officeId/enrollment-codes', changing, async (request) => {
    const target = sentText(request.params, 'officeId');
    return act(deps, request, manage('office.enrollmentCode', target), async () => {
      const { officeId } = parseBody(officeParamsSchema, request.params);
      return { code: await createEnrollmentCode(deps.db, officeId, deps.now()) };
    });
  });

  app.post('/devices/:deviceId/revoke', changing, async (request) => {
    const target = sentText(request.params, 'deviceId');
    return act(deps, request, manage('device.revoke', target), async () => {
      const { deviceId } = parseBody(deviceParamsSchema, request.params);
      await revokeDevice(deps.db, deviceId);
      return { deviceId, revoked: true };
    });
  });

  // Package files travel as raw bytes, only on these routes (a child plugin's parser).
  void app.register(async (files) => {
    files.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: maxPackageBytes },
      (_request, body, done) => done(null, body),
    );
    const upload = (action: string) => ({
      onRequest: [...changing.onRequest, rightBeforeBody(deps, manage(action, ''))],
      bodyLimit: maxPackageBytes,
    });

    files.post('/packages/preview', upload('package.preview'), async (request) =>
      act(deps, request, manage('package.preview', '', uploaded(request)), async () => ({
        preview: await previewDevicePackage(
          deps.db,
          await deps.keys(),
          packageBytes(request),
          deps.now(),
        ),
      })),
    );

    files.post('/packages/import', upload('package.import'), async (request, reply) => {
      const { summary, returnPackage } = await act(
        deps,
        request,
        manage('package.import', '', uploaded(request)),
        async () =>
          importDevicePackage(deps.db, await deps.keys(), packageBytes(request), deps.now(), {
            by: by(request),
          }),
      );
      return sendPackage(reply, returnPackage, summary);
    });

    files.post('/offices/:officeId/package', changing, async (request, reply) => {
      const target = sentText(request.params, 'officeId');
      const written = await act(deps, request, manage('package.export', target), async () => {
        const { officeId } = parseBody(officeParamsSchema, request.params);
        return exportForOffice(deps.db, await deps.keys(), officeId, deps.now(), by(request));
      });
      return sendPackage(reply, written, written.summary);
    });
  });
}

/** What the audit line keeps of an upload: its size (the package names itself once opened). */
function uploaded(request: FastifyRequest): Record<string, unknown> {
  return { bytes: Buffer.isBuffer(request.body) ? request.body.length : 0 };
}

function packageBytes(request: FastifyRequest): Uint8Array<ArrayBuffer> {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw new AppError({
      code: 'validation',
      message: 'Send the package file itself, as application/octet-stream.',
      fieldErrors: [{ path: 'package', code: 'offices.package_missing' }],
    });
  }
  return asBytes(request.body);
}
