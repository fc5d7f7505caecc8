import { Alert, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import type { ImportPreview, OfficeView } from '../../officesApi';
import { when } from './officeWords';

/** What importing the package would do, as HQ found by running it and rolling it back. */
export function PreviewTable(props: { preview: ImportPreview; offices: OfficeView[] }) {
  const { t, wordFor } = useI18n();
  const { preview } = props;
  const office = props.offices.find((o) => o.id === preview.officeId);
  const desk = office?.desks.find((d) => d.id === preview.deviceId);
  const rows: [string, number, 'warning' | 'error' | null][] = [
    [t('packages.total'), preview.ops.total, null],
    [t('packages.willApply'), preview.ops.applied, null],
    [t('packages.alreadyHeld'), preview.ops.alreadyHeld, null],
    [t('packages.willConflict'), preview.ops.conflicts, 'warning'],
    [t('packages.willReject'), preview.ops.rejected, 'error'],
    [t('packages.deferred'), preview.ops.deferred, 'warning'],
  ];
  return (
    <Alert severity="info" icon={false} data-testid="package-preview">
      <Typography variant="subtitle1" component="h3">
        {t('packages.previewTitle')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('packages.from', {
          office: office ? `${office.name}（${office.id}）` : preview.officeId,
          device: desk?.name ?? preview.deviceId,
          number: preview.number,
          by: preview.createdBy,
          at: when(preview.createdAt),
        })}
      </Typography>
      <Table size="small" sx={{ maxWidth: 480 }}>
        <TableBody>
          {rows.map(([label, n, tone]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell
                align="right"
                sx={n > 0 && tone ? { color: `${tone}.main`, fontWeight: 600 } : {}}
              >
                {n}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('packages.kinds')}：
        {Object.entries(preview.ops.counts)
          .map(([kind, n]) => `${wordFor('offices.kind.', kind)} ${n}`)
          .join('，')}
      </Typography>
    </Alert>
  );
}
