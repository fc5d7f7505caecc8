import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@shared/errors/appError';
import { noteAdmin } from './logging';

/** The county's admin API needs `Authorization: Bearer <HQ_ADMIN_TOKEN>`; off without one. */
export function requireAdmin(request: FastifyRequest, adminToken: string | null): void {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(adminToken ?? '');
  if (!adminToken || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError({ code: 'unauthenticated', message: 'The admin API needs HQ_ADMIN_TOKEN.' });
  }
  noteAdmin(request);
}
