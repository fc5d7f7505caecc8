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
import { loadStandards, when, yuanOfFen, type Standard } from '../../referenceApi';
import { useLoad } from '../useLoad';
import { HistoryDialog } from './HistoryDialog';
import { StandardDialog } from './StandardDialog';

const period = (s: Standard, open: string) => `${s.effectiveFrom} — ${s.effectiveTo ?? open}`;

/** 低保标准: every published standard by area, category and start; publish; history. */
export function StandardsScreen(props: { admin: boolean; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const { value, reload } = useLoad(loadStandards, props.onError);
  const [adding, setAdding] = useState(false);
  const [sent, setSent] = useState(false);
  const [historyOf, setHistoryOf] = useState<Pick<Standard, 'areaCode' | 'category'> | null>(null);
  const category = (c: string) => t(c === 'rural' ? 'category.rural' : 'category.urban');
  return (
    <Stack spacing={2}>
      <Alert severity="info">{t('std.help')}</Alert>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>{props.admin ? '' : t('ref.readOnly')}</Typography>
        {props.admin && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('std.add')}
          </Button>
        )}
      </Stack>
      {sent && <Alert severity="success">{t('ref.sent')}</Alert>}
      {!value && <Typography>{t('ref.loading')}</Typography>}
      {value && value.standards.length === 0 && <Alert severity="info">{t('std.empty')}</Alert>}
      {value && value.standards.length > 0 && (
        <Table size="small" aria-label={t('nav.standards')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('ref.area')}</TableCell>
              <TableCell>{t('std.category')}</TableCell>
              <TableCell>{t('rules.effective')}</TableCell>
              <TableCell align="right">{t('std.amount')}</TableCell>
              <TableCell>{t('std.state')}</TableCell>
              <TableCell>{t('ref.by')}</TableCell>
              <TableCell>{t('ref.at')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {value.standards.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.data.areaCode}</TableCell>
                <TableCell>{category(s.data.category)}</TableCell>
                <TableCell>{period(s.data, t('ref.openEnded'))}</TableCell>
                <TableCell align="right">{yuanOfFen(s.data.amountFen)}</TableCell>
                <TableCell>
                  {s.inForce ? (
                    <Chip size="small" color="success" label={t('std.inForce')} />
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t('std.notInForce')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{s.by}</TableCell>
                <TableCell>{when(s.at)}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setHistoryOf(s.data)}>
                    {t('ref.history')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {adding && (
        <StandardDialog
          areaCode={value?.standards[0]?.data.areaCode ?? ''}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setSent(true);
            reload();
          }}
        />
      )}
      {historyOf && value && (
        <HistoryDialog
          title={t('std.historyOf', {
            area: historyOf.areaCode,
            category: category(historyOf.category),
          })}
          versions={value.history.filter(
            (v) => v.data.areaCode === historyOf.areaCode && v.data.category === historyOf.category,
          )}
          columns={[
            { label: t('rules.effective'), cell: (d) => period(d, t('ref.openEnded')) },
            { label: t('std.amount'), cell: (d) => yuanOfFen(d.amountFen) },
            { label: t('ref.noteShort'), cell: (d) => d.note },
          ]}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </Stack>
  );
}
