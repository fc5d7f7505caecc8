import Box from '@mui/material/Box';
import type { ApprovalFormPaper } from '@shared/papers/approvalForm';
import { maskIdForPaper } from '@shared/papers/publicText';
import type { PaperEvent } from '@shared/papers/types';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import {
  actionLabel,
  classificationLabel,
  relationLabel,
  roleLabel,
  sexLabel,
  statusLabel,
  workCapacityLabel,
} from '../common/labels';
import {
  SignatureLine,
  Sheet,
  Table,
  Title,
  cell,
  headCell,
  numCell,
  paperCategory,
  programmeName,
  stepTime,
  yuan,
} from './paperParts';

/**
 * 审批表: the case as saved, its computation (with parts), every step in order, and the
 * three signature boxes (applicant, township, county) quoting the steps' opinions.
 */
export function ApprovalFormDocument(props: {
  paper: ApprovalFormPaper;
  printedOn: string;
  /** Full ID numbers only while a logged print runs (usePaperOutput's `unmasked`). */
  fullIds: boolean;
  testId?: string;
}) {
  const { t } = useT();
  const p = props.paper;
  const tid = (name: string) => (props.testId ? `${props.testId}-${name}` : undefined);
  const partLabel = (code: string) => {
    const key = `papers.part.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const facts: [string, string][] = [
    [t('papers.approval.applicant'), p.applicantName],
    [t('papers.approval.category'), paperCategory(t, p.programme, p.category)],
    [t('papers.approval.village'), p.village || '—'],
    [t('papers.approval.applied'), p.applicationDate],
    [t('papers.approval.address'), p.address || '—'],
    [t('papers.approval.status'), statusLabel(t, p.status)],
  ];
  return (
    <Sheet testId={props.testId}>
      <Title>{t('papers.approval.title', { programme: programmeName(t, p.programme) })}</Title>
      <Box sx={{ textAlign: 'right', fontSize: 12, mb: 0.5 }}>
        {t('papers.approval.number', { number: p.number, date: props.printedOn })}
      </Box>
      <Table>
        <tbody>
          {[0, 2, 4].map((i) => (
            <tr key={i}>
              {facts.slice(i, i + 2).map(([label, value]) => (
                <FactPair key={label} label={label} value={value} />
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      <Box sx={{ fontWeight: 600 }}>{t('papers.approval.members')}</Box>
      <Table testId={tid('members')}>
        <thead>
          <tr>
            <th style={headCell}>{t('papers.approval.col.name')}</th>
            <th style={headCell}>{t('papers.approval.col.relation')}</th>
            <th style={headCell}>{t('papers.approval.col.sex')}</th>
            <th style={headCell}>{t('papers.approval.col.birth')}</th>
            <th style={headCell}>{t('papers.approval.col.id')}</th>
            <th style={headCell}>{t('papers.approval.col.work')}</th>
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr key={m.personId}>
              <td style={cell}>{m.name}</td>
              <td style={cell}>{m.relation ? relationLabel(t, m.relation) : '—'}</td>
              <td style={cell}>{sexLabel(t, m.sex)}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{m.birthDate}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {props.fullIds ? m.idNumber : maskIdForPaper(m.idNumber)}
              </td>
              <td style={cell}>{workCapacityLabel(t, m.workCapacity)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table>
        <tbody>
          <tr>
            <th style={headCell} rowSpan={2}>
              {t('papers.approval.income')}
            </th>
            {(
              ['wages', 'business', 'property', 'transfer', 'incomeTotal', 'deductions'] as const
            ).map((k) => (
              <th key={k} style={headCell}>
                {t(`papers.approval.${k}`)}
              </th>
            ))}
          </tr>
          <tr>
            {[
              p.income.wagesFen,
              p.income.businessFen,
              p.income.propertyFen,
              p.income.transferFen,
              p.incomeTotalFen,
              p.deductionsFen,
            ].map((fen, i) => (
              <td key={i} style={numCell}>
                {yuan(fen)}
              </td>
            ))}
          </tr>
          <tr>
            <th style={headCell}>{t('papers.approval.assets')}</th>
            <td style={cell} colSpan={6}>
              {t('papers.approval.assetsLine', {
                deposits: yuan(p.assets.depositsFen),
                securities: yuan(p.assets.securitiesFen),
                vehicles: p.assets.vehicles,
                housing: p.assets.extraHousingUnits,
              })}
              {p.assets.note ? `；${p.assets.note}` : ''}
            </td>
          </tr>
        </tbody>
      </Table>
      <Box sx={{ fontWeight: 600 }}>{t('papers.approval.computation')}</Box>
      <Table testId={tid('computation')}>
        <tbody>
          <tr>
            <th style={headCell}>{t('papers.approval.standard')}</th>
            <th style={headCell}>{t('papers.approval.covered')}</th>
            <th style={headCell}>{t('papers.approval.counted')}</th>
            <th style={headCell}>{t('papers.approval.classification')}</th>
            <th style={headCell}>{t('papers.approval.amount')}</th>
            <th style={headCell}>{t('papers.approval.paymentFrom')}</th>
          </tr>
          <tr>
            <td style={numCell}>{yuan(p.benefit.standardFen)}</td>
            <td style={numCell}>{p.benefit.coveredCount}</td>
            <td style={numCell}>{yuan(p.benefit.countedIncomeFen)}</td>
            <td style={cell}>{classificationLabel(t, p.benefit.classification)}</td>
            <td style={{ ...numCell, fontWeight: 600 }}>{yuan(p.benefit.benefitFen)}</td>
            <td style={cell}>{p.paymentFrom ?? '—'}</td>
          </tr>
          {p.benefit.parts.length > 0 && (
            <tr>
              <th style={headCell}>{t('papers.approval.parts')}</th>
              <td style={cell} colSpan={5}>
                {p.benefit.parts
                  .map((part) => `${partLabel(part.code)} ${yuan(part.fen)}`)
                  .join('；')}
              </td>
            </tr>
          )}
        </tbody>
      </Table>
      <Box sx={{ fontWeight: 600 }}>{t('papers.approval.history')}</Box>
      <Table testId={tid('history')} fontSize={12}>
        <thead>
          <tr>
            <th style={headCell}>{t('papers.approval.col.step')}</th>
            <th style={headCell}>{t('papers.approval.col.who')}</th>
            <th style={headCell}>{t('papers.approval.col.when')}</th>
            <th style={headCell}>{t('papers.approval.col.opinion')}</th>
          </tr>
        </thead>
        <tbody>
          {p.steps.map((s, i) => (
            <tr key={i}>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{actionLabel(t, s.action)}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {s.actorName}（{roleLabel(t, s.actorRole)}）
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{stepTime(s.at)}</td>
              <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>
                {[s.opinion, s.reason].filter(Boolean).join(' / ')}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Box className="print-keep" sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr' }}>
        <OpinionBox title={t('papers.approval.box.applicant')} step={null} none="" />
        <OpinionBox
          title={t('papers.approval.box.township')}
          step={p.townshipOpinion}
          none={t('papers.approval.none')}
        />
        <OpinionBox
          title={t('papers.approval.box.county')}
          step={p.decision}
          none={t('papers.approval.none')}
        />
      </Box>
    </Sheet>
  );
}

function FactPair(props: { label: string; value: string }) {
  return (
    <>
      <th style={{ ...headCell, width: '14%', whiteSpace: 'nowrap' }}>{props.label}</th>
      <td style={{ ...cell, width: '36%' }}>{props.value}</td>
    </>
  );
}

function OpinionBox(props: { title: string; step: PaperEvent | null; none: string }) {
  const { t } = useT();
  return (
    <Box sx={{ border: '1px solid #333', p: 1, minHeight: 150, ml: '-1px', fontSize: 13 }}>
      <Box sx={{ fontWeight: 600 }}>{props.title}</Box>
      <Box sx={{ whiteSpace: 'pre-wrap', minHeight: 40 }}>
        {props.step ? props.step.opinion || '—' : props.none}
      </Box>
      {props.step && (
        <Box sx={{ fontSize: 12 }}>
          {props.step.actorName}（{roleLabel(t, props.step.actorRole)}） {stepTime(props.step.at)}
        </Box>
      )}
      <SignatureLine label={t('papers.signature')} date={t('papers.dateLine')} />
    </Box>
  );
}
