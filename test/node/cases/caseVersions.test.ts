import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import type { RecordVersion } from '../../../renderer/src/db/repositories/recordHistory';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import {
  caseFieldLabel,
  caseValueText,
  caseVersionsForHistory,
} from '../../../renderer/src/screens/cases/caseVersions';

const t: Translate = (key, params) => translate('zh-CN', key, params);

describe('a case’s versions in the history view', () => {
  it('compares income and benefit figure by figure, and leaves out ids and bookkeeping', () => {
    const version = {
      version: 3,
      changes: [
        {
          field: 'income',
          before: { wagesFen: 30000, businessFen: 0 },
          after: { wagesFen: 45000, businessFen: 0 },
        },
        {
          field: 'benefit',
          before: { benefitFen: 33200, standardId: 'a' },
          after: { benefitFen: 18200, standardId: 'b' },
        },
        { field: 'statusChangedAt', before: 'x', after: 'y' },
        { field: 'householdId', before: 'h1', after: 'h2' },
        { field: 'coveredPersonIds', before: ['a'], after: ['a', 'b'] },
      ],
    } as unknown as RecordVersion<AssistanceCaseData>;
    const [shown] = caseVersionsForHistory([version], t);
    expect(
      shown?.changes.map((c) => [
        caseFieldLabel(t, c.field),
        caseValueText(t, c.field, c.before),
        caseValueText(t, c.field, c.after),
      ]),
    ).toEqual([
      ['工资性收入', '¥300.00', '¥450.00'],
      ['月保障金', '¥332.00', '¥182.00'],
      ['保障人数', '1 人', '2 人'],
    ]);
    expect(caseValueText(t, 'status', 'public_notice')).toBe('公示中');
    expect(caseValueText(t, 'category', 'rural')).toBe('农村低保');
  });
});
