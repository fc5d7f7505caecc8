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
import { loadOffices } from '../../officesApi';
import { useLoad } from '../useLoad';
import { AddOfficeDialog } from './OfficeDialogs';
import { LastContact, latestContact } from './officeWords';

const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);

/**
 * 乡镇办: every office with its desks at a glance — the last contact (flagged when long
 * ago), what its desks reported queued and in conflict, and how many ops HQ refused.
 */
export function OfficesScreen(props: {
  admin: boolean;
  onError: (error: unknown) => void;
  onOpen: (officeId: string) => void;
}) {
  const { t } = useI18n();
  const { value, reload } = useLoad(loadOffices, props.onError);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const offices = value?.offices ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {t('offices.help')}
        </Typography>
        {props.admin && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('offices.add')}
          </Button>
        )}
      </Stack>
      {message && <Alert severity="success">{message}</Alert>}
      {value && offices.length === 0 && <Alert severity="info">{t('offices.empty')}</Alert>}
      {offices.length > 0 && value && (
        <Table size="small" aria-label={t('nav.offices')} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('offices.office')}</TableCell>
              <TableCell>{t('offices.desks')}</TableCell>
              <TableCell>{t('offices.lastContact')}</TableCell>
              <TableCell align="right">{t('offices.queued')}</TableCell>
              <TableCell align="right">{t('offices.conflicts')}</TableCell>
              <TableCell align="right">{t('offices.refused')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {offices.map((office) => {
              const inUse = office.desks.filter((d) => !d.revoked);
              const revoked = office.desks.length - inUse.length;
              const conflicts = sum(inUse.map((d) => d.reportedConflicts));
              return (
                <TableRow key={office.id} hover data-office={office.id}>
                  <TableCell>
                    <Typography variant="body2">{office.name}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {office.id}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {t('offices.deskCount', { active: inUse.length })}
                    {revoked > 0 ? `，${t('offices.deskRevoked', { count: revoked })}` : ''}
                  </TableCell>
                  <TableCell>
                    <LastContact at={latestContact(office.desks)} now={value.now} />
                  </TableCell>
                  <TableCell align="right">{sum(inUse.map((d) => d.reportedQueued))}</TableCell>
                  <TableCell align="right">
                    {conflicts > 0 ? <Chip size="small" color="warning" label={conflicts} /> : 0}
                  </TableCell>
                  <TableCell align="right">
                    {office.refused > 0 ? (
                      <Chip size="small" color="error" label={office.refused} />
                    ) : (
                      0
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => props.onOpen(office.id)}>
                      {t('offices.open')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Typography variant="caption" color="text.secondary">
        {t('offices.reportedHelp')}
      </Typography>
      {adding && (
        <AddOfficeDialog
          onClose={() => setAdding(false)}
          onDone={(name) => {
            setAdding(false);
            setMessage(t('offices.added', { name }));
            reload();
          }}
        />
      )}
    </Stack>
  );
}
