import {
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import type { DeskView } from '../../officesApi';
import { ChainState } from './ChainState';
import { LastContact, when } from './officeWords';

/** An office's desks: enrollment, contact, what each reported, packages, state. */
export function DeskTable(props: {
  desks: DeskView[];
  now: string;
  admin: boolean;
  onRevoke: (desk: DeskView) => void;
}) {
  const { t } = useI18n();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label={t('offices.desks')}
        sx={{ '& th, & td:nth-of-type(n+2)': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('offices.deskName')}</TableCell>
            <TableCell>{t('offices.enrolledAt')}</TableCell>
            <TableCell>{t('offices.lastContact')}</TableCell>
            <TableCell align="right">{t('offices.queued')}</TableCell>
            <TableCell align="right">{t('offices.conflicts')}</TableCell>
            <TableCell>{t('offices.packageIn')}</TableCell>
            <TableCell>{t('offices.packageOut')}</TableCell>
            <TableCell title={t('offices.chainHelp')}>{t('offices.chain')}</TableCell>
            <TableCell>{t('offices.state')}</TableCell>
            {props.admin && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.desks.map((desk) => (
            <TableRow key={desk.id} data-desk={desk.id}>
              <TableCell>
                <Typography variant="body2">{desk.name}</Typography>
                <Typography
                  variant="caption"
                  color="text.secondary"
                  title={desk.id}
                  sx={{ display: 'block', whiteSpace: 'nowrap' }}
                >
                  …{desk.id.slice(-12)}
                </Typography>
              </TableCell>
              <TableCell>{when(desk.enrolledAt)}</TableCell>
              <TableCell>
                {desk.revoked ? (
                  when(desk.lastContactAt)
                ) : (
                  <LastContact at={desk.lastContactAt} via={desk.lastContactVia} now={props.now} />
                )}
              </TableCell>
              <TableCell align="right">{desk.reportedQueued ?? '—'}</TableCell>
              <TableCell align="right">
                {desk.reportedConflicts ? (
                  <Chip size="small" color="warning" label={desk.reportedConflicts} />
                ) : (
                  (desk.reportedConflicts ?? '—')
                )}
              </TableCell>
              <TableCell>{when(desk.lastPackageIn)}</TableCell>
              <TableCell>{when(desk.lastPackageOut)}</TableCell>
              <TableCell data-testid="desk-chain" sx={{ whiteSpace: 'normal', maxWidth: 220 }}>
                <ChainState chain={desk.accessChain} />
              </TableCell>
              <TableCell>
                {desk.revoked ? (
                  <Chip size="small" label={t('offices.revoked')} />
                ) : (
                  <Chip size="small" color="success" label={t('offices.active')} />
                )}
              </TableCell>
              {props.admin && (
                <TableCell align="right">
                  {!desk.revoked && (
                    <Button size="small" color="error" onClick={() => props.onRevoke(desk)}>
                      {t('offices.revoke')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
