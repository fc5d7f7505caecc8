import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { IdCardReading } from '@shared/identity/idCardReading';
import {
  compareCard,
  takableFields,
  type ComparedField,
  type ComparisonRow,
  type TakableField,
} from '../../idCard/cardComparison';
import { useT } from '../../i18n/useT';
import type { MemberDraft } from './householdForm';
import { sexLabel } from '../common/labels';

/**
 * 读卡 result: what the card said next to what the form has (the registry's record
 * in a correction, the typed row in a registration), differences marked; each field
 * can be taken on its own or all at once. Taking fills the form only — the form's
 * 保存 writes, through the one write path. The photo is shown, never stored.
 */
export function CardComparisonDialog(props: {
  open: boolean;
  member: MemberDraft;
  reading: IdCardReading | null;
  error: string | null;
  busy: boolean;
  onTake: (fields: TakableField[]) => void;
  onRetry: () => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const rows = props.reading ? compareCard(props.reading, props.member) : [];
  const differing = rows.filter((r) => r.differs).length;
  const takable = takableFields(rows);

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('idCard.dialog.title')}</DialogTitle>
      <DialogContent data-testid="card-comparison">
        {props.busy && <LinearProgress aria-label={t('idCard.reading')} />}
        {props.error && <Alert severity="error">{props.error}</Alert>}
        {props.reading && (
          <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start' }}>
            <CardSide reading={props.reading} />
            <Stack spacing={1.5} sx={{ flex: 1, minWidth: 0 }}>
              <Alert severity={differing > 0 ? 'warning' : 'success'}>
                {differing > 0
                  ? t('idCard.summary.differs', { n: differing })
                  : t('idCard.summary.same')}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('idCard.col.field')}</TableCell>
                    <TableCell>{t('idCard.col.card')}</TableCell>
                    <TableCell>{t('idCard.col.form')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((row) => (
                    <ComparisonLine
                      key={row.field}
                      row={row}
                      onTake={() => props.onTake([row.field as TakableField])}
                    />
                  ))}
                </TableBody>
              </Table>
              <Typography variant="body2" color="text.secondary">
                {t('idCard.unsavedNote')}
              </Typography>
            </Stack>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {props.reading && (
          <Button
            variant="contained"
            disabled={takable.length === 0}
            onClick={() => props.onTake(takable)}
          >
            {t('idCard.takeAll')}
          </Button>
        )}
        <Button onClick={props.onRetry} disabled={props.busy}>
          {props.busy ? t('idCard.reading') : t('idCard.retry')}
        </Button>
        <Button onClick={props.onClose}>{t('idCard.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The photo and what only the card has: issuer and validity. */
function CardSide({ reading }: { reading: IdCardReading }) {
  const { t } = useT();
  return (
    <Stack spacing={1} sx={{ width: 150, flexShrink: 0 }}>
      {reading.photo && (
        <Box
          component="img"
          src={`data:${reading.photo.mime};base64,${reading.photo.base64}`}
          alt={t('idCard.field.photo')}
          data-testid="card-photo"
          sx={{ width: 133, height: 164, border: 1, borderColor: 'divider', objectFit: 'cover' }}
        />
      )}
      <Typography variant="caption" color="text.secondary">
        {t('idCard.photoNote')}
      </Typography>
      <Typography variant="body2">
        {t('idCard.field.issuer')}：{reading.issuer}
      </Typography>
      <Typography variant="body2">
        {t('idCard.validity', {
          from: reading.validFrom,
          to: reading.validTo ?? t('idCard.longTerm'),
        })}
      </Typography>
    </Stack>
  );
}

function ComparisonLine({ row, onTake }: { row: ComparisonRow; onTake: () => void }) {
  const { t } = useT();
  const shown = (value: string) => display(t, row.field, value);
  let form: string;
  if (row.form === null) form = t('idCard.notKept');
  else if (row.form.trim() === '') form = t('idCard.empty');
  else form = shown(row.form);
  return (
    <TableRow
      data-testid={`card-row-${row.field}`}
      data-differs={row.differs ? 'true' : 'false'}
      sx={row.differs ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.08) } : {}}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`idCard.field.${row.field}`)}</TableCell>
      <TableCell sx={{ fontWeight: row.differs ? 600 : 400 }}>{shown(row.card)}</TableCell>
      <TableCell
        sx={{ color: row.form === null || row.form.trim() === '' ? 'text.secondary' : 'inherit' }}
      >
        {form}
        {row.differs && (
          <Chip label={t('idCard.differs')} color="error" size="small" sx={{ ml: 1 }} />
        )}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {row.takable && (
          <Button size="small" onClick={onTake}>
            {t('idCard.take')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

function display(t: ReturnType<typeof useT>['t'], field: ComparedField, value: string): string {
  if (field === 'sex' && (value === 'male' || value === 'female')) return sexLabel(t, value);
  return value;
}
