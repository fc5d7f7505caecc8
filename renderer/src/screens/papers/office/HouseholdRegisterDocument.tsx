import Box from '@mui/material/Box';
import type { HouseholdFormPaper } from '@shared/papers/householdForm';
import { maskIdForPaper } from '@shared/papers/publicText';
import { useT } from '../../../i18n/useT';
import {
  disabilityGradeLabel,
  disabilityTypeLabel,
  hukouLabel,
  relationLabel,
  sexLabel,
  workCapacityLabel,
} from '../../common/labels';
import {
  Sheet,
  SignatureLine,
  Table,
  Title,
  cell,
  headCell,
  numCell,
  programmeName,
  yuan,
} from '../paperParts';

/**
 * 户籍登记表: the household's facts, its members, the income lines its newest case
 * recorded, the applicant's declaration and the two signature boxes (applicant, registrar).
 */
export function HouseholdRegisterDocument(props: {
  paper: HouseholdFormPaper;
  printedOn: string;
  /** Full ID numbers only while a logged print runs (usePaperOutput's `unmasked`). */
  fullIds: boolean;
  testId?: string;
}) {
  const { t } = useT();
  const p = props.paper;
  const id = (n: string) => (n === '' ? '—' : props.fullIds ? n : maskIdForPaper(n));
  const tid = (name: string) => (props.testId ? `${props.testId}-${name}` : undefined);
  const facts: [string, string][] = [
    [t('print.household.head'), p.headName],
    [t('print.household.headId'), id(p.headIdNumber)],
    [t('print.household.hukou'), hukouLabel(t, p.hukouType)],
    [t('print.household.phone'), p.headPhone || '—'],
    [t('print.household.village'), p.village || '—'],
    [t('print.household.areaCode'), p.areaCode],
  ];
  return (
    <Sheet testId={props.testId}>
      <Title>{t('print.household.title')}</Title>
      <Box sx={{ textAlign: 'right', fontSize: 12, mb: 0.5 }}>
        {t('print.printedOn', { date: props.printedOn })}
      </Box>
      <Box sx={{ fontWeight: 600 }}>{t('print.household.facts')}</Box>
      <Table testId={tid('facts')}>
        <tbody>
          {[0, 2, 4].map((i) => (
            <tr key={i}>
              {facts.slice(i, i + 2).map(([label, value]) => (
                <Pair key={label} label={label} value={value} />
              ))}
            </tr>
          ))}
          <tr>
            <th style={{ ...headCell, width: '18%' }}>{t('print.household.address')}</th>
            <td style={cell} colSpan={3}>
              {p.address || '—'}
            </td>
          </tr>
        </tbody>
      </Table>
      <Box sx={{ fontWeight: 600 }}>
        {t('print.household.members', { count: p.members.length })}
      </Box>
      <Table testId={tid('members')} fontSize={12}>
        <thead>
          <tr>
            {(
              [
                'seq',
                'name',
                'relation',
                'sex',
                'birth',
                'id',
                'disability',
                'work',
                'other',
              ] as const
            ).map((c) => (
              <th key={c} style={headCell}>
                {t(`print.household.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.members.map((m, i) => (
            <tr key={m.personId} data-testid="household-form-member">
              <td style={numCell}>{i + 1}</td>
              <td style={cell}>{m.name}</td>
              <td style={cell}>{relationLabel(t, m.relation)}</td>
              <td style={cell}>{sexLabel(t, m.sex)}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{m.birthDate}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{id(m.idNumber)}</td>
              <td style={cell}>
                {m.disabilityGrade === 0
                  ? t('print.household.noDisability')
                  : [
                      m.disabilityType ? disabilityTypeLabel(t, m.disabilityType) : '',
                      disabilityGradeLabel(t, m.disabilityGrade),
                    ]
                      .filter(Boolean)
                      .join(' ')}
              </td>
              <td style={cell}>{workCapacityLabel(t, m.workCapacity)}</td>
              <td style={cell}>
                {[
                  m.seriousIllness ? t('print.household.ill') : '',
                  m.student ? t('print.household.student') : '',
                ]
                  .filter(Boolean)
                  .join('、') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Box sx={{ fontWeight: 600 }}>{t('print.household.income')}</Box>
      {p.income ? (
        <>
          <Table testId={tid('income')}>
            <tbody>
              <tr>
                {(['wages', 'business', 'property', 'transfer', 'total'] as const).map((k) => (
                  <th key={k} style={headCell}>
                    {t(`print.household.${k}`)}
                  </th>
                ))}
              </tr>
              <tr>
                {[
                  p.income.income.wagesFen,
                  p.income.income.businessFen,
                  p.income.income.propertyFen,
                  p.income.income.transferFen,
                  p.income.totalFen,
                ].map((fen, i) => (
                  <td key={i} style={numCell}>
                    {yuan(fen)}
                  </td>
                ))}
              </tr>
            </tbody>
          </Table>
          <Box sx={{ fontSize: 12, mt: -1, mb: 1 }}>
            {t('print.household.incomeFrom', {
              date: p.income.applicationDate,
              programme: programmeName(t, p.income.programme),
            })}
          </Box>
        </>
      ) : (
        <Box sx={{ mb: 1 }}>{t('print.household.noIncome')}</Box>
      )}
      <Box className="print-keep" sx={{ mt: 2 }}>
        <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
          {t('print.household.declaration')}
        </Box>
        <Box sx={{ display: 'flex', gap: 4 }}>
          <Box sx={{ flex: 1 }}>
            <SignatureLine
              label={t('print.household.applicantSign')}
              date={t('print.household.signDate')}
              testId={tid('sign-applicant')}
            />
          </Box>
          <Box sx={{ flex: 1 }}>
            <SignatureLine
              label={t('print.household.registrarSign')}
              date={t('print.household.signDate')}
              testId={tid('sign-registrar')}
            />
          </Box>
        </Box>
      </Box>
    </Sheet>
  );
}

function Pair(props: { label: string; value: string }) {
  return (
    <>
      <th style={{ ...headCell, width: '18%' }}>{props.label}</th>
      <td style={{ ...cell, width: '32%' }}>{props.value}</td>
    </>
  );
}
