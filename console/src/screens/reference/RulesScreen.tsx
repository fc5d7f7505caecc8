import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import { loadRules, type RuleRow } from '../../referenceApi';
import { useLoad } from '../useLoad';
import { HistoryDialog } from './HistoryDialog';
import { RuleDialog } from './RuleDialog';
import { ruleValueText } from './ruleValues';

/**
 * 政策参数: every number a programme reads, its meaning and unit, the county-wide value
 * in force today and where it comes from (published by the county, or the sample).
 */
export function RulesScreen(props: { admin: boolean; onError: (error: unknown) => void }) {
  const { t, wordFor } = useI18n();
  const { value, reload } = useLoad(loadRules, props.onError);
  const [publishing, setPublishing] = useState<RuleRow | null>(null);
  const [historyOf, setHistoryOf] = useState<RuleRow | null>(null);
  const [sent, setSent] = useState(false);
  const words = (key: string) => wordFor('ruleKey.', key);
  const period = (from: string | null, to: string | null) =>
    from ? `${from} — ${to ?? t('ref.openEnded')}` : '';
  return (
    <Stack spacing={2}>
      <Alert severity="info">{t('rules.help')}</Alert>
      {!props.admin && <Typography>{t('ref.readOnly')}</Typography>}
      {sent && <Alert severity="success">{t('ref.sent')}</Alert>}
      {!value && <Typography>{t('ref.loading')}</Typography>}
      {value && (
        <Table size="small" aria-label={t('nav.rules')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rules.words')}</TableCell>
              <TableCell>{t('rules.key')}</TableCell>
              <TableCell align="right">{t('rules.value')}</TableCell>
              <TableCell>{t('ref.source')}</TableCell>
              <TableCell>{t('rules.effective')}</TableCell>
              <TableCell>{t('ref.by')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {value.rules.map((rule) => (
              <TableRow key={rule.key} data-rule={rule.key}>
                <TableCell>{words(rule.key)}</TableCell>
                <TableCell>
                  <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                    {rule.key}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {ruleValueText(t, rule.unit, rule.value)}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={rule.source === 'hq' ? 'success' : 'warning'}
                    label={t(`ref.source.${rule.source}`)}
                  />
                </TableCell>
                <TableCell>{period(rule.effectiveFrom, rule.effectiveTo)}</TableCell>
                <TableCell>{rule.publishedBy ?? ''}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setHistoryOf(rule)}>
                    {t('ref.history')}
                  </Button>
                  {props.admin && (
                    <Button size="small" onClick={() => setPublishing(rule)}>
                      {t('ref.publish')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {publishing && value && (
        <RuleDialog
          rule={publishing}
          words={words(publishing.key)}
          today={value.today}
          onClose={() => setPublishing(null)}
          onDone={() => {
            setPublishing(null);
            setSent(true);
            reload();
          }}
        />
      )}
      {historyOf && value && (
        <HistoryDialog
          title={words(historyOf.key)}
          versions={value.history.filter((v) => v.data.key === historyOf.key)}
          columns={[
            { label: t('rules.value'), cell: (d) => ruleValueText(t, historyOf.unit, d.value) },
            { label: t('ref.area'), cell: (d) => d.areaCode ?? '' },
            { label: t('rules.effective'), cell: (d) => period(d.effectiveFrom, d.effectiveTo) },
            { label: t('ref.noteShort'), cell: (d) => d.note },
          ]}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </Stack>
  );
}
