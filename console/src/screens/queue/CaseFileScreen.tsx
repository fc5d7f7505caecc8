import { useCallback, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import type { ConsoleMessageKey } from '../../i18n/zh-CN';
import { decide, loadCaseFile, revealId, yuan } from '../../queueApi';
import { useLoad } from '../useLoad';
import { OpinionDialog } from './OpinionDialog';
import { ProgrammeFacts } from './ProgrammeFacts';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={props.title}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

/** Label–value pairs in a small two-column table. */
function Pairs(props: { rows: [string, ReactNode][] }) {
  return (
    <Table size="small">
      <TableBody>
        {props.rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell sx={{ width: 220, color: 'text.secondary' }}>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const incomeKeys = ['wagesFen', 'businessFen', 'propertyFen', 'transferFen'] as const;

/**
 * 案卷: the case as the county reads it before deciding, and the county's actions on it
 * (a reviewer's; a viewer sees no button). ID numbers are masked; a reviewer may reveal
 * one, which HQ logs.
 */
export function CaseFileScreen(props: {
  caseId: string;
  mayDecide: boolean;
  onError: (error: unknown) => void;
  onBack: () => void;
}) {
  const { t, wordFor } = useI18n();
  const load = useCallback(() => loadCaseFile(props.caseId), [props.caseId]);
  const { value: file, reload } = useLoad(load, props.onError);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [deciding, setDeciding] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!file) return null;
  const f = (key: string) => t(`file.${key}` as ConsoleMessageKey);
  const reveal = async (personId: string) => {
    try {
      const { idNumber } = await revealId(file.id, personId);
      setRevealed({ ...revealed, [personId]: idNumber });
    } catch (error) {
      props.onError(error);
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button onClick={props.onBack}>← {t('file.back')}</Button>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {t('file.title', { name: file.applicantName })}
        </Typography>
        {props.mayDecide &&
          file.countyActions.map((a) => (
            <Button
              key={a.action}
              variant={a.approves ? 'contained' : 'outlined'}
              color={a.approves ? 'primary' : a.kind === 'back' ? 'warning' : 'error'}
              onClick={() => setDeciding(a.action)}
            >
              {wordFor('action.', a.action)}
            </Button>
          ))}
      </Stack>
      {done && <Alert severity="success">{done}</Alert>}
      {!props.mayDecide ? (
        <Alert severity="info">{t('file.viewerOnly')}</Alert>
      ) : file.countyActions.length === 0 && !done ? (
        <Alert severity="info">{t('file.notWaiting')}</Alert>
      ) : null}
      <Section title={t('file.basics')}>
        <Pairs
          rows={[
            [t('queue.programme'), wordFor('programme.', file.programme)],
            [t('queue.status'), wordFor('status.', file.status)],
            [
              t('queue.office'),
              t('file.officeVillage', { office: file.officeName, village: file.villageName }),
            ],
            [t('file.applicationDate'), file.applicationDate],
            [t('queue.due'), file.decisionDue ?? ''],
          ]}
        />
      </Section>
      <Section title={t('file.members')}>
        <Table size="small" aria-label={t('file.members')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('file.name')}</TableCell>
              <TableCell>{t('file.relation')}</TableCell>
              <TableCell>{t('file.idNumber')}</TableCell>
              <TableCell>{t('file.covered')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {file.members.map((m) => (
              <TableRow key={m.personId}>
                <TableCell>{m.name}</TableCell>
                <TableCell>{wordFor('relation.', m.relation)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>
                  {revealed[m.personId] ?? m.idNumberMasked}
                  {revealed[m.personId] ? (
                    ` ${t('file.revealed')}`
                  ) : props.mayDecide ? (
                    <Button size="small" onClick={() => void reveal(m.personId)}>
                      {t('file.reveal')}
                    </Button>
                  ) : null}
                </TableCell>
                <TableCell>{m.covered ? '✓' : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title={t('file.income')}>
        <Pairs
          rows={[
            ...incomeKeys.map((k): [string, string] => [f(k), yuan(file.income[k] ?? 0)]),
            [f('deductionsFen'), yuan(file.deductionsFen)],
            [f('depositsFen'), yuan(Number(file.assets.depositsFen ?? 0))],
            [f('securitiesFen'), yuan(Number(file.assets.securitiesFen ?? 0))],
            [f('vehicles'), String(file.assets.vehicles ?? 0)],
            [f('extraHousingUnits'), String(file.assets.extraHousingUnits ?? 0)],
          ]}
        />
      </Section>
      <Section title={t('file.computation')}>
        <Pairs
          rows={[
            [f('standardFen'), yuan(file.benefit.standardFen)],
            [f('coveredCount'), String(file.benefit.coveredCount)],
            [f('countedIncomeFen'), yuan(file.benefit.countedIncomeFen)],
            [f('classification'), wordFor('class.', file.benefit.classification)],
            [f('computedFor'), file.benefit.computedForDate],
            [
              f('parts'),
              file.benefit.parts
                .map((p) => `${wordFor('part.', p.code)} ${yuan(p.fen)}`)
                .join('；') || '—',
            ],
            [f('benefitFen'), <strong key="b">{yuan(file.benefit.benefitFen)}</strong>],
          ]}
        />
      </Section>
      <Section title={t('file.facts')}>
        <ProgrammeFacts programme={file.programme} facts={file.programmeFacts} />
      </Section>
      <Section title={t('file.history')}>
        <Table size="small" aria-label={t('file.history')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('file.at')}</TableCell>
              <TableCell>{t('file.step')}</TableCell>
              <TableCell>{t('file.who')}</TableCell>
              <TableCell>{t('file.opinion')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {file.events.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{new Date(e.at).toLocaleString('zh-CN', { hour12: false })}</TableCell>
                <TableCell>{wordFor('action.', e.action)}</TableCell>
                <TableCell>{e.actorName}</TableCell>
                <TableCell>
                  {[...new Set([e.opinion, e.reason])].filter(Boolean).join(' / ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      {deciding && (
        <OpinionDialog
          title={t('decision.title', {
            action: wordFor('action.', deciding),
            name: file.applicantName,
          })}
          submitLabel={wordFor('action.', deciding)}
          onClose={() => setDeciding(null)}
          send={async (opinion) => {
            await decide(file.id, deciding, opinion);
            setDone(t('decision.done', { action: wordFor('action.', deciding) }));
            setDeciding(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
