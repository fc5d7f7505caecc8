import { describe, expect, it } from 'vitest';
import {
  buildCertificate,
  certificateIssues,
  certificateNumberFor,
  maskIdForCertificate,
  type CertificateSource,
} from '@shared/domain/community/certificate';
import { residentId } from '../../fakes/deskFixtures';

const idNumber = residentId('330102', '1985-07-21', '042');

function serviceAt(id: string, startAt: string, minutes: number, voided = false) {
  return {
    id,
    version: 2,
    volunteerId: 'v1',
    volunteerName: '陈志愿',
    activityId: null,
    activityName: '助老服务',
    content: `服务 ${id}`,
    place: '',
    startAt,
    endAt: startAt,
    travelMinutes: 0,
    serviceMinutes: minutes,
    recordedBy: { userId: 'u1', name: '王登记', at: '2026-03-01T08:00:00Z' },
    voided,
  };
}

const source: CertificateSource = {
  certificateNumber: 'ZYFW20260302-ABCDEF',
  volunteer: { id: 'v1', personId: 'p1', name: '陈志愿', volunteerNumber: 'ZJ-001' },
  person: { idType: 'resident', idNumber },
  services: [
    serviceAt('s1', '2026-01-05T09:00', 120),
    serviceAt('s2', '2026-02-10T09:00', 90),
    serviceAt('s3', '2026-02-11T09:00', 600, true),
    serviceAt('s4', '2025-12-31T09:00', 60),
  ],
  period: { from: '2026-01-01', to: '2026-02-28' },
  issuer: '城关镇民政办',
  handler: { userId: 'u1', name: '王登记' },
  contact: ' 0571-88880000 ',
  issuedOn: '2026-03-02',
};

describe('buildCertificate', () => {
  const certificate = buildCertificate(source);

  it('masks the ID number except the first 6 and last 4 characters', () => {
    expect(certificate.maskedIdNumber).toBe(`330102********${idNumber.slice(14)}`);
    expect(certificate.maskedIdNumber).not.toContain('19850721');
    expect(JSON.stringify(certificate)).not.toContain(idNumber);
  });

  it('totals the non-voided services of the period and lists each with its version', () => {
    expect(certificate.totalMinutes).toBe(210);
    expect(certificate.lines.map((l) => [l.serviceId, l.version, l.date, l.minutes])).toEqual([
      ['s1', 2, '2026-01-05', 120],
      ['s2', 2, '2026-02-10', 90],
    ]);
  });

  it('states the volunteer, issuer, handler, contact, number and date', () => {
    expect(certificate).toMatchObject({
      name: '陈志愿',
      idType: 'resident',
      volunteerNumber: 'ZJ-001',
      issuer: '城关镇民政办',
      handler: { name: '王登记' },
      contact: '0571-88880000',
      certificateNumber: 'ZYFW20260302-ABCDEF',
      issuedOn: '2026-03-02',
      periodFrom: '2026-01-01',
      periodTo: '2026-02-28',
    });
    expect(certificateIssues(certificate, '2026-03-02')).toEqual([]);
  });

  it('refuses to keep an unmasked ID or totals that do not add up', () => {
    const bad = { ...certificate, maskedIdNumber: idNumber, totalMinutes: 1 };
    expect(certificateIssues(bad, '2026-03-02').map((i) => i.code)).toEqual([
      'community.id_not_masked',
      'community.certificate_inconsistent',
    ]);
  });
});

describe('maskIdForCertificate', () => {
  it('keeps 6 + 4 of other documents and hides a short number entirely', () => {
    expect(maskIdForCertificate('M123456789012')).toBe('M12345***9012');
    expect(maskIdForCertificate('H1234567')).toBe('********');
    expect(maskIdForCertificate('11010519491231002x')).toBe('110105********002X');
  });
});

describe('certificateNumberFor', () => {
  it('joins the issue date and the random tail of the record id', () => {
    const id = '01950f3e-8b1c-7d2a-9f10-3c5e7a9b1d2f';
    expect(certificateNumberFor('2026-03-02', id)).toBe('ZYFW20260302-9B1D2F');
  });
});
