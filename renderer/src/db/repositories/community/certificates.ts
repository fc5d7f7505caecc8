import { AppError } from '@shared/errors/appError';
import {
  buildCertificate,
  certificateNumberFor,
  type CertificateData,
} from '@shared/domain/community/certificate';
import type { Period } from '@shared/domain/community/hours';
import type { StoredRecord } from '@shared/records/envelope';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../../database';
import { certificatesTable, volunteerServicesTable } from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { getPerson } from '../persons';
import { loadSettings } from '../settings';
import { getVolunteer } from './volunteers';

export type Certificate = StoredRecord<CertificateData>;

export interface CertificateRequest {
  volunteerId: string;
  period: Period;
  /** The office's phone or address for questions about the certificate. */
  contact: string;
}

/** Reads what a certificate states: the volunteer, their person and their records. */
async function sourceOf(db: DeskDatabase, volunteerId: string) {
  const volunteer = await getVolunteer(db, volunteerId);
  const person = volunteer ? await getPerson(db, volunteer.personId) : undefined;
  if (!volunteer || !person) {
    throw new AppError({ code: 'not_found', message: `No volunteer with id ${volunteerId}.` });
  }
  const services = await volunteerServicesTable(db)
    .where('volunteerId')
    .equals(volunteerId)
    .toArray();
  return { volunteer, person, services: services.filter((s) => !s.deleted) };
}

/**
 * What the certificate would state if issued now, by the same function issuing uses.
 * No number yet: a number is given only to a certificate that is actually issued.
 */
export async function previewCertificate(
  db: DeskDatabase,
  ctx: WriteContext,
  request: CertificateRequest,
  issuedOn: string,
): Promise<CertificateData> {
  const [source, settings] = await Promise.all([
    sourceOf(db, request.volunteerId),
    loadSettings(db),
  ]);
  return buildCertificate({
    ...source,
    ...request,
    certificateNumber: '',
    issuer: settings?.officeName ?? '',
    handler: { userId: ctx.actor.userId, name: ctx.actor.name },
    issuedOn,
  });
}

/**
 * Issues the certificate: computed and stored in one transaction with its queue entry,
 * pinned to the versions of the records it counted. The handler is the logged-in user;
 * the record itself is the log of who issued what (domain.md, Privacy).
 */
export async function issueCertificate(
  db: DeskDatabase,
  ctx: WriteContext,
  request: CertificateRequest,
): Promise<Certificate> {
  const settings = await loadSettings(db);
  if (!settings) throw new AppError({ code: 'not_found', message: 'Office settings are missing.' });
  const id = newRecordId();
  return write(db, ctx, async (w) => {
    const source = await sourceOf(db, request.volunteerId);
    const data = buildCertificate({
      ...source,
      ...request,
      certificateNumber: certificateNumberFor(w.today, id),
      issuer: settings.officeName,
      handler: { userId: ctx.actor.userId, name: ctx.actor.name },
      issuedOn: w.today,
    });
    if (data.lines.length === 0) {
      throw new AppError({
        code: 'validation',
        message: 'No volunteer service in the chosen period.',
        fieldErrors: [{ path: 'periodFrom', code: 'community.no_service_in_period' }],
      });
    }
    return w.create('volunteerCertificate', data, id);
  });
}

export async function getCertificate(db: DeskDatabase, id: string) {
  const c = await certificatesTable(db).get(id);
  return c && !c.deleted ? c : undefined;
}

export async function certificatesOfVolunteer(db: DeskDatabase, volunteerId: string) {
  const found = await certificatesTable(db).where('volunteerId').equals(volunteerId).toArray();
  return found.sort((a, b) => b.id.localeCompare(a.id));
}

/** The contact of the last certificate issued here, to prefill the next one. */
export async function lastCertificateContact(db: DeskDatabase): Promise<string> {
  const last = await certificatesTable(db).orderBy('issuedOn').last();
  return last?.contact ?? '';
}
