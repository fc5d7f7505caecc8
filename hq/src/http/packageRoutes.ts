import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../db/schema';
import { asBytes } from '../packages/bytes';
import { exportForOffice } from '../packages/exportForOffice';
import { importDevicePackage } from '../packages/importPackage';
import type { WrittenPackage } from '../packages/returnPackage';
import type { HqKeys } from '../store/hqKeys';
import { requireAdmin } from './adminAuth';
import { parseBody } from './errors';

/** A package carries a desk's whole backlog: far more than a push batch (4 MiB). */
export const maxPackageBytes = 512 * 1024 * 1024;

const byQuerySchema = z.object({ by: z.string().trim().min(1).max(50).optional() });
const officeParamsSchema = z.object({ officeId: z.string().min(1) });

/**
 * Sync packages over the county's admin API (the same as `npm run hq -- import` and
 * `export-for`): a desk's package in, the return file out, as raw bytes. What the import
 * did travels in the `x-package-summary` header (URI-encoded JSON); a refusal is the one
 * AppErrorData JSON shape with a 4xx status, like every other error.
 */
export function packageRoutes(deps: {
  db: Kysely<HqTables>;
  adminToken: string | null;
  now: () => Date;
  keys: () => Promise<HqKeys>;
}): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', async (request) => requireAdmin(request, deps.adminToken));
    // Only these routes take raw bytes (the parser is scoped to this plugin).
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: maxPackageBytes },
      (_request, body, done) => done(null, body),
    );

    app.post('/packages/import', { bodyLimit: maxPackageBytes }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError({
          code: 'validation',
          message: 'Send the package file itself, as application/octet-stream.',
        });
      }
      const { by } = parseBody(byQuerySchema, request.query);
      const { summary, returnPackage } = await importDevicePackage(
        deps.db,
        await deps.keys(),
        asBytes(request.body),
        deps.now(),
        by ? { by } : {},
      );
      return sendPackage(reply, returnPackage, summary);
    });

    app.post('/offices/:officeId/package', async (request, reply) => {
      const { officeId } = parseBody(officeParamsSchema, request.params);
      const { by } = parseBody(byQuerySchema, request.query);
      const written = await exportForOffice(deps.db, await deps.keys(), officeId, deps.now(), by);
      return sendPackage(reply, written, written.summary);
    });
  };
}

/** A package file as a download, what it carries in `x-package-summary`. */
export function sendPackage(reply: FastifyReply, written: WrittenPackage, summary: unknown) {
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', attachment(written.fileName))
    .header('x-package-summary', encodeURIComponent(JSON.stringify(summary)))
    .send(Buffer.from(written.bytes.buffer, written.bytes.byteOffset, written.bytes.byteLength));
}

/**
 * The file name for a download. Package names are Chinese, so the real name goes in
 * RFC 5987 form (`filename*`); `filename` is a plain-ASCII stand-in for old clients.
 */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_').replace(/_+/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
