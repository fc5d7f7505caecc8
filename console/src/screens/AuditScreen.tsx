import { Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
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

const loadAudit = () => api<{ lines: AuditLine[] }>('GET', '/audit');

/** The newest 200 console actions: who, when, what, on what, with which result. */
export function AuditScreen({ onError }: { onError: (error: unknown) => void }) {
  const { t, wordFor } = useI18n();
  const { value } = useLoad(loadAudit, onError);
  return (
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
          {(value?.lines ?? []).map((line) => (
            <TableRow key={line.id}>
              <TableCell>{new Date(line.at).toLocaleString('zh-CN', { hour12: false })}</TableCell>
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
  );
}
