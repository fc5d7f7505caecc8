import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import type { DeskView, PackageLine, RefusedOp } from '../../officesApi';
import { useRefusalWords, when } from './officeWords';

/** The ops HQ refused the office's desks, newest first, with the reason in words. */
export function RefusalTable(props: { refusals: RefusedOp[] }) {
  const { t } = useI18n();
  const words = useRefusalWords();
  if (props.refusals.length === 0) return <Alert severity="info">{t('offices.noRefusals')}</Alert>;
  return (
    <Table size="small" aria-label={t('offices.refusals')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('offices.at')}</TableCell>
          <TableCell>{t('offices.deskName')}</TableCell>
          <TableCell>{t('offices.reason')}</TableCell>
          <TableCell>{t('offices.field')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.refusals.map((r) => (
          <TableRow key={r.opId} data-refusal={r.opId}>
            <TableCell>{when(r.at)}</TableCell>
            <TableCell>{r.deviceName}</TableCell>
            <TableCell>
              <Typography variant="body2">{words(r)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[r.code, ...r.fieldErrors.map((f) => f.code)].join(' · ')}
              </Typography>
            </TableCell>
            <TableCell>{r.fieldErrors.map((f) => f.path).join('、')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The packages HQ imported from the office's desks and wrote for it. */
export function PackageTable(props: { packages: PackageLine[]; desks: DeskView[] }) {
  const { t } = useI18n();
  if (props.packages.length === 0) return <Alert severity="info">{t('offices.noPackages')}</Alert>;
  const deskName = (id: string | null) => props.desks.find((d) => d.id === id)?.name ?? '';
  return (
    <Table size="small" aria-label={t('offices.packages')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('offices.at')}</TableCell>
          <TableCell>{t('offices.direction')}</TableCell>
          <TableCell>{t('offices.number')}</TableCell>
          <TableCell>{t('offices.deskName')}</TableCell>
          <TableCell>{t('offices.content')}</TableCell>
          <TableCell>{t('offices.fileName')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.packages.map((p) => {
          // An import keeps what it did with the ops (importSummary.ts) as its summary.
          const ops = p.summary;
          return (
            <TableRow key={p.packageId}>
              <TableCell>{when(p.at)}</TableCell>
              <TableCell>{t(`offices.direction.${p.direction}`)}</TableCell>
              <TableCell>{p.number}</TableCell>
              <TableCell>{deskName(p.deviceId)}</TableCell>
              <TableCell>
                {p.direction === 'in'
                  ? t('offices.packageIn.summary', {
                      total: count(ops.total),
                      applied: count(ops.applied),
                      rejected: count(ops.rejected),
                    })
                  : t('offices.packageOut.summary', {
                      results: count(p.summary.results),
                      changes: count(p.summary.changes),
                    })}
              </TableCell>
              <TableCell>
                <Typography variant="caption">{p.fileName}</Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
