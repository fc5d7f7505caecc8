import {
  Alert,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { refusedChanges, type RefusedChange } from '../../sync/refusedChanges';
import { formatTime, kindLabel, refusedChangeReason } from './syncText';

/**
 * The changes HQ sent that this desk refused (an account, another office's record, a
 * kind it does not know…), with the reason in words: why receiving stopped, and what
 * to tell the county. Each names HQ's own number for the change.
 */
export function RefusedChangesSection() {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  const rows = useLiveQuery(() => refusedChanges(db), [db]);

  const streamText = (row: RefusedChange) => {
    const key = `packages.stream.${row.stream}`;
    return isMessageKey(key) ? t(key) : row.stream;
  };

  return (
    <Paper component="section" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2">
        {t('sync.refusedChanges.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('sync.refusedChanges.intro')}
      </Typography>
      {rows && rows.length === 0 && (
        <Alert severity="success">{t('sync.refusedChanges.empty')}</Alert>
      )}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="refused-changes">
          <TableHead>
            <TableRow>
              <TableCell>{t('sync.refusedChanges.col.time')}</TableCell>
              <TableCell>{t('sync.refusedChanges.col.via')}</TableCell>
              <TableCell>{t('sync.refusedChanges.col.record')}</TableCell>
              <TableCell>{t('sync.refusedChanges.col.reason')}</TableCell>
              <TableCell>{t('sync.refusedChanges.col.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="refused-change-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatTime(language, row.refusedAt)}
                  {row.times > 1 && (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {t('sync.refusedChanges.times', {
                        times: row.times,
                        time: formatTime(language, row.lastRefusedAt),
                      })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {t(`sync.refusedChanges.via.${row.via.kind}`)}
                  {row.via.kind === 'package' && (
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      component="div"
                      sx={{ wordBreak: 'break-all' }}
                    >
                      {row.via.fileName}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {kindLabel(t, row.kind)}
                  <Typography variant="caption" color="text.secondary" component="div">
                    {t('sync.refusedChanges.number', { stream: streamText(row), seq: row.seq })}
                  </Typography>
                </TableCell>
                <TableCell>{refusedChangeReason(t, row.code, row.params)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={row.blocking ? 'warning' : 'default'}
                    label={t(
                      row.blocking
                        ? 'sync.refusedChanges.state.blocking'
                        : 'sync.refusedChanges.state.passed',
                    )}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
