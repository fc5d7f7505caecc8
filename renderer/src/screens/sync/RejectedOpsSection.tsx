import {
  Alert,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { rejectedOps } from '../../sync/rejectedOps';
import { formatTime, kindLabel, refusalText } from './syncText';

/** The changes HQ refused for good, with the reason in words (never a raw code). */
export function RejectedOpsSection() {
  const { t, language, fieldError } = useT();
  const db = useSession((s) => s.db);
  const rows = useLiveQuery(() => rejectedOps(db), [db]);

  return (
    <Paper component="section" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2">
        {t('sync.rejected.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('sync.rejected.intro')}
      </Typography>
      {rows && rows.length === 0 && <Alert severity="success">{t('sync.rejected.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="rejected-ops">
          <TableHead>
            <TableRow>
              <TableCell>{t('sync.rejected.col.time')}</TableCell>
              <TableCell>{t('sync.rejected.col.record')}</TableCell>
              <TableCell>{t('sync.rejected.col.change')}</TableCell>
              <TableCell>{t('sync.rejected.col.by')}</TableCell>
              <TableCell>{t('sync.rejected.col.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.opId}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatTime(language, row.rejectedAt)}
                </TableCell>
                <TableCell>{kindLabel(t, row.entry.kind)}</TableCell>
                <TableCell>{t(`sync.op.${row.entry.op}`)}</TableCell>
                <TableCell>{row.entry.actor.name}</TableCell>
                <TableCell>{refusalText(t, language, fieldError, row.reason)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
