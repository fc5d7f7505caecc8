import type { ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import { when, type Version } from '../../referenceApi';

/**
 * Every version of a piece of reference data, newest first: what it said (the caller's
 * columns), who published it and when.
 */
export function HistoryDialog<T>(props: {
  title: string;
  versions: readonly Version<T>[];
  columns: { label: string; cell: (data: T) => ReactNode }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const title = t('ref.historyTitle', { what: props.title });
  return (
    <Dialog open onClose={props.onClose} aria-label={title} fullWidth maxWidth="md">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {props.versions.length === 0 ? (
          <Typography>{t('ref.historyEmpty')}</Typography>
        ) : (
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                {props.columns.map((c) => (
                  <TableCell key={c.label}>{c.label}</TableCell>
                ))}
                <TableCell>{t('ref.by')}</TableCell>
                <TableCell>{t('ref.at')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...props.versions].reverse().map((v) => (
                <TableRow key={v.seq}>
                  {props.columns.map((c) => (
                    <TableCell key={c.label}>{c.cell(v.data)}</TableCell>
                  ))}
                  <TableCell>{v.by}</TableCell>
                  <TableCell>{when(v.at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('ref.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
