import { useState } from 'react';
import {
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
import { api } from '../api';
import { useI18n } from '../i18n/i18n';
import { useLoad } from './useLoad';

interface AuditLine {
  id: string;
  at: string;
  username: string;
  action: string;
  target: string;
  result: string;
}

/** HQ answers 200 lines a page. */
const page = 200;
const loadAudit = () => api<{ lines: AuditLine[] }>('GET', '/audit');
const loadBefore = (id: string) =>
  api<{ lines: AuditLine[] }>('GET', `/audit?before=${encodeURIComponent(id)}`);

/**
 * The console's actions, newest first: who, when, what, on what, with which result; 200
 * at a time and the 200 before them on request, so no line is out of reach however many
 * came after it.
 */
export function AuditScreen({ onError }: { onError: (error: unknown) => void }) {
  const { t, wordFor } = useI18n();
  const { value } = useLoad(loadAudit, onError);
  // The pages fetched after the first, in order (the screen loads its first page once).
  const [older, setOlder] = useState<AuditLine[][]>([]);
  const lines = [...(value?.lines ?? []), ...older.flat()];
  const lastPage = older.at(-1) ?? value?.lines ?? [];
  const more = () => {
    const oldest = lines.at(-1)?.id;
    if (!oldest) return;
    loadBefore(oldest).then((answer) => setOlder((shown) => [...shown, answer.lines]), onError);
  };
  return (
    <Stack spacing={1}>
      <Paper>
        <Table size="small" aria-label={t('nav.audit')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('audit.at')}</TableCell>
              <TableCell>{t('audit.who')}</TableCell>
              <TableCell>{t('audit.action')}</TableCell>
              <TableCell>{t('audit.target')}</TableCell>
              <TableCell>{t('audit.result')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>
                  {new Date(line.at).toLocaleString('zh-CN', { hour12: false })}
                </TableCell>
                <TableCell>{line.username}</TableCell>
                <TableCell>{wordFor('audit.action.', line.action)}</TableCell>
                <TableCell>{line.target}</TableCell>
                <TableCell sx={{ color: line.result === 'ok' ? 'success.main' : 'error.main' }}>
                  {line.result === 'ok' ? t('audit.ok') : wordFor('audit.result.', line.result)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {value && lastPage.length === page ? (
        <Button variant="outlined" onClick={more} sx={{ alignSelf: 'flex-start' }}>
          {t('audit.older')}
        </Button>
      ) : value && older.length > 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('audit.end')}
        </Typography>
      ) : null}
    </Stack>
  );
}
