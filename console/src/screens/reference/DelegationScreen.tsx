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
import { loadDelegations, type OfficeDelegation } from '../../referenceApi';
import { useLoad } from '../useLoad';
import { DelegationDialog } from './DelegationDialog';
import { HistoryDialog } from './HistoryDialog';

/** 委托确认: per office, whether it confirms its own cases today, since when; set; history. */
export function DelegationScreen(props: { admin: boolean; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const { value, reload } = useLoad(loadDelegations, props.onError);
  const [setting, setSetting] = useState<OfficeDelegation | null>(null);
  const [historyOf, setHistoryOf] = useState<OfficeDelegation | null>(null);
  const [sent, setSent] = useState(false);
  const state = (delegated: boolean) => t(delegated ? 'del.delegated' : 'del.notDelegated');
  return (
    <Stack spacing={2}>
      <Alert severity="info">{t('del.help')}</Alert>
      {!props.admin && <Typography>{t('ref.readOnly')}</Typography>}
      {sent && <Alert severity="success">{t('ref.sent')}</Alert>}
      {!value && <Typography>{t('ref.loading')}</Typography>}
      {value && value.offices.length === 0 && <Alert severity="info">{t('del.empty')}</Alert>}
      {value && value.offices.length > 0 && (
        <Table size="small" aria-label={t('nav.delegations')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('del.office')}</TableCell>
              <TableCell>{t('del.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {value.offices.map((office) => (
              <TableRow key={office.id}>
                <TableCell>
                  {office.name}（{office.id}）
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Chip
                      size="small"
                      color={office.delegated ? 'success' : 'default'}
                      label={state(office.delegated)}
                    />
                    {office.since && (
                      <Typography variant="body2">
                        {t('del.since', { date: office.since })}
                      </Typography>
                    )}
                    {office.upcoming.map((u) => (
                      <Typography key={u.effectiveFrom} variant="body2" color="text.secondary">
                        {t('del.upcoming', {
                          date: u.effectiveFrom,
                          state: state(u.confirmationDelegated),
                        })}
                      </Typography>
                    ))}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setHistoryOf(office)}>
                    {t('ref.history')}
                  </Button>
                  {props.admin && (
                    <Button size="small" onClick={() => setSetting(office)}>
                      {t('del.set')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {setting && value && (
        <DelegationDialog
          office={setting}
          today={value.today}
          onClose={() => setSetting(null)}
          onDone={() => {
            setSetting(null);
            setSent(true);
            reload();
          }}
        />
      )}
      {historyOf && value && (
        <HistoryDialog
          title={t('del.historyOf', { office: historyOf.name })}
          versions={value.history.filter((v) => v.data.office === historyOf.id)}
          columns={[
            { label: t('del.state'), cell: (d) => state(d.confirmationDelegated) },
            { label: t('del.from'), cell: (d) => d.effectiveFrom },
            { label: t('ref.noteShort'), cell: (d) => d.note },
          ]}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </Stack>
  );
}
