import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { maskIdNumber } from '../../identity/residentId';
import { notInFuture } from '../../validation/dates';
import { isoDateSchema, nameSchema, optionalText } from '../common';
import { idTypes, type PersonData } from '../person';
import { servicesInPeriod, type Period } from './hours';
import { dateOf } from './localTime';
import type { VolunteerServiceData } from './volunteerService';

/** One service the certificate counts, pinned to the version that was certified. */
export const certificateLineSchema = z.object({
  serviceId: z.string().min(1),
  version: z.number().int().min(1),
  date: isoDateSchema,
  activityName: optionalText(100),
  content: z.string().trim().min(1).max(500),
  minutes: z.number().int().min(1),
});

/**
 * An issued 志愿服务证明, kept as issued (append-only): a later correction of a service
 * record does not silently change a certificate already handed out. The ID number is
 * stored masked only (first 6 and last 4), as printed; the full number stays on the person.
 */
export const certificateDataSchema = z.object({
  certificateNumber: z.string().trim().min(1).max(40),
  volunteerId: z.string().min(1),
  personId: z.string().min(1),
  name: nameSchema,
  idType: z.enum(idTypes),
  maskedIdNumber: z.string().min(1).max(30),
  volunteerNumber: z.string().min(1).max(32),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  totalMinutes: z.number().int().min(1),
  lines: z.array(certificateLineSchema).min(1).max(1000),
  /** The issuing organisation: the office. */
  issuer: z.string().trim().min(1).max(60),
  /** 经办人: the logged-in user who issued it. */
  handler: z.object({ userId: z.string().min(1), name: z.string().min(1) }),
  contact: z.string().trim().min(1).max(60),
  issuedOn: isoDateSchema,
});

export type CertificateData = z.infer<typeof certificateDataSchema>;

export function certificateIssues(data: CertificateData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (data.periodFrom > data.periodTo) {
    issues.push({ path: 'periodTo', code: 'community.period_reversed' });
  }
  issues.push(...notInFuture(data.periodTo, today, 'periodTo'));
  issues.push(...notInFuture(data.issuedOn, today, 'issuedOn'));
  if (!data.maskedIdNumber.includes('*')) {
    issues.push({ path: 'maskedIdNumber', code: 'community.id_not_masked' });
  }
  const sum = data.lines.reduce((total, line) => total + line.minutes, 0);
  const outside = data.lines.some((l) => l.date < data.periodFrom || l.date > data.periodTo);
  if (sum !== data.totalMinutes || outside) {
    issues.push({ path: 'lines', code: 'community.certificate_inconsistent' });
  }
  return issues;
}

/**
 * The ID as a certificate shows it: first 6 and last 4 characters, the rest masked
 * (domain.md, Privacy). Resident IDs use the registry's own mask; other documents the
 * same rule, and a number too short to keep 10 characters is masked entirely.
 */
export function maskIdForCertificate(idNumber: string): string {
  const value = idNumber.replace(/\s+/g, '').toUpperCase();
  if (value.length === 18) return maskIdNumber(value);
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/**
 * A number no other desk can give out, without a server: the issue date plus the tail
 * of the certificate's own UUIDv7 record id (random bits), e.g. ZYFW20260302-3F9A1C.
 */
export function certificateNumberFor(issuedOn: string, recordId: string): string {
  const tail = recordId.replaceAll('-', '').slice(-6).toUpperCase();
  return `ZYFW${issuedOn.replaceAll('-', '')}-${tail}`;
}

export interface CertificateSource {
  certificateNumber: string;
  volunteer: { id: string; personId: string; name: string; volunteerNumber: string };
  person: Pick<PersonData, 'idType' | 'idNumber'>;
  /** The volunteer's records (current versions); voided and out-of-period ones are dropped. */
  services: (VolunteerServiceData & { id: string; version: number })[];
  period: Period;
  issuer: string;
  handler: { userId: string; name: string };
  contact: string;
  issuedOn: string;
}

/** What the certificate states, computed by the one function the preview and the save use. */
export function buildCertificate(source: CertificateSource): CertificateData {
  const counted = servicesInPeriod(source.services, source.period);
  const lines = counted.map((s) => ({
    serviceId: s.id,
    version: s.version,
    date: dateOf(s.startAt),
    activityName: s.activityName,
    content: s.content,
    minutes: s.serviceMinutes,
  }));
  return {
    certificateNumber: source.certificateNumber,
    volunteerId: source.volunteer.id,
    personId: source.volunteer.personId,
    name: source.volunteer.name,
    idType: source.person.idType,
    maskedIdNumber: maskIdForCertificate(source.person.idNumber),
    volunteerNumber: source.volunteer.volunteerNumber,
    periodFrom: source.period.from,
    periodTo: source.period.to,
    totalMinutes: lines.reduce((sum, l) => sum + l.minutes, 0),
    lines,
    issuer: source.issuer,
    handler: source.handler,
    contact: source.contact.trim(),
    issuedOn: source.issuedOn,
  };
}
