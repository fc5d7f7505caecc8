import { useState } from 'react';
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
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { drawSpotCheck, loadSpotChecks } from '../../queueApi';
import { useLoad } from '../useLoad';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 抽查: draw a random share of township-confirmed cases; every draw is kept and listed. */
export function SpotCheckScreen(props: {
  mayDecide: boolean;
  onError: (error: unknown) => void;
  onOpen: (caseId: string) => void;
}) {
  const { t, wordFor, appError } = useI18n();
  const { value, reload } = useLoad(loadSpotChecks, props.onError);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const draw = async () => {
    try {
      const drawn = await drawSpotCheck();
      setMessage({ ok: true, text: t('spot.drawn', { count: drawn.caseIds.length }) });
      reload();
    } catch (error) {
      props.onError(error);
      if (error instanceof ConsoleApiError) setMessage({ ok: false, text: appError(error.data) });
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>
          {value ? t('spot.percent', { percent: value.percent }) : ''}
        </Typography>
        {props.mayDecide && (
          <Button variant="contained" onClick={() => void draw()}>
            {t('spot.draw')}
          </Button>
        )}
      </Stack>
      {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
      {value && value.checks.length === 0 && <Alert severity="info">{t('spot.none')}</Alert>}
      {(value?.checks ?? []).map((check) => (
        <Paper key={check.id} sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
            {t('spot.drawnAt', {
              at: when(check.drawnAt),
              by: check.drawnBy,
              population: check.population,
              count: check.cases.length,
            })}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('queue.office')}</TableCell>
                <TableCell>{t('queue.programme')}</TableCell>
                <TableCell>{t('queue.applicant')}</TableCell>
                <TableCell>{t('spot.confirmedBy')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {check.cases.map((c) => (
                <TableRow key={c.caseId}>
                  <TableCell>{c.officeName}</TableCell>
                  <TableCell>{wordFor('programme.', c.confirmed?.programme ?? '')}</TableCell>
                  <TableCell>{c.confirmed?.applicantName ?? c.caseId}</TableCell>
                  <TableCell>
                    {c.confirmed ? `${c.confirmed.actorName} ${when(c.confirmed.at)}` : ''}
                  </TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => props.onOpen(c.caseId)}>
                      {t('queue.open')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
