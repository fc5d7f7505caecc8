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
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { listPackageHistory } from '../../sync/packages/packageHistory';
import type { PackageHistoryEntry } from '../../sync/packages/packageTypes';
import { formatTime } from './syncText';

/** 同步包记录: every package exported or imported here, newest first; updates live. */
export function PackageHistorySection() {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  const rows = useLiveQuery(() => listPackageHistory(db), [db]);

  return (
    <Paper component="section" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2">
        {t('packages.history.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('packages.history.intro')}
      </Typography>
      {rows && rows.length === 0 && <Alert severity="info">{t('packages.history.empty')}</Alert>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="package-history">
          <TableHead>
            <TableRow>
              <TableCell>{t('packages.history.col.direction')}</TableCell>
              <TableCell align="right">{t('packages.history.col.number')}</TableCell>
              <TableCell>{t('packages.history.col.file')}</TableCell>
              <TableCell>{t('packages.history.col.time')}</TableCell>
              <TableCell>{t('packages.history.col.by')}</TableCell>
              <TableCell align="right">{t('packages.history.col.total')}</TableCell>
              <TableCell>{t('packages.history.col.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.direction}-${row.packageId}`} data-testid="package-history-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t(`packages.history.${row.direction}`)}
                </TableCell>
                <TableCell align="right">{row.number}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.fileName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(language, row.at)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.by}</TableCell>
                <TableCell align="right">{row.summary.total}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <AcknowledgedChip row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/** Exported packages only: whether HQ holds every change the package carried. */
function AcknowledgedChip(props: { row: PackageHistoryEntry }) {
  const { t } = useT();
  const { acknowledged } = props.row;
  if (props.row.direction !== 'exported' || acknowledged === null) return <>—</>;
  return acknowledged ? (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      label={t('packages.history.acknowledged')}
    />
  ) : (
    <Chip size="small" color="warning" variant="outlined" label={t('packages.history.pending')} />
  );
}
