import { describe, expect, it } from 'vitest';
import { caseEditIssues } from '@shared/authority/caseOps';
import { isApplicantNameRefresh } from '@shared/authority/copyRefresh';

describe('a case copy of the applicant name following the registry', () => {
  it('allows only the name (and its search tokens) set to the current name', () => {
    expect(isApplicantNameRefresh({ applicantName: '张三风' }, '张三风')).toBe(true);
    expect(
      isApplicantNameRefresh({ applicantName: '张三风', searchTokens: ['zsf'] }, '张三风'),
    ).toBe(true);
    // Another name, an unknown person, or anything else along with it: no.
    expect(isApplicantNameRefresh({ applicantName: '冒名' }, '张三风')).toBe(false);
    expect(isApplicantNameRefresh({ applicantName: '张三风' }, undefined)).toBe(false);
    expect(isApplicantNameRefresh({ applicantName: '张三风', deductionsFen: 1 }, '张三风')).toBe(
      false,
    );
    expect(isApplicantNameRefresh({ applicantName: '张三风', status: 'draft' }, '张三风')).toBe(
      false,
    );
    expect(isApplicantNameRefresh({}, '张三风')).toBe(false);
  });

  it('lets a decided case take the refresh, and nothing else', () => {
    const at = (status: 'draft' | 'public_notice' | 'confirmed' | 'denied' | 'terminated') => ({
      status,
      acceptedOn: status === 'draft' ? null : '2026-03-05',
      noticeStartedOn: null,
    });
    for (const status of ['public_notice', 'confirmed', 'denied', 'terminated'] as const) {
      expect(caseEditIssues(at(status), { applicantName: '张三风' }, '张三风')).toEqual([]);
      expect(caseEditIssues(at(status), { applicantName: '张三风' })[0]?.code).toBe(
        'case.not_editable',
      );
      expect(caseEditIssues(at(status), { applicantName: '别人' }, '张三风')[0]?.code).toBe(
        'case.not_editable',
      );
    }
    expect(caseEditIssues(at('draft'), { applicantName: '别人' }, '张三风')).toEqual([]);
  });
});
