import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { VolunteerService } from '../../db/repositories/community/volunteerServices';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { hoursLabel, spanText } from './labels';

/** A volunteer's service ledger; voided records stay listed, struck through and marked. */
export function VolunteerServiceRows(props: { services: VolunteerService[] }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <Table size="small" data-testid="volunteer-services">
      <TableHead>
        <TableRow>
          <TableCell>{t('community.col.span')}</TableCell>
          <TableCell>{t('community.col.content')}</TableCell>
          <TableCell>{t('community.col.activity')}</TableCell>
          <TableCell align="right">{t('community.col.travel')}</TableCell>
          <TableCell align="right">{t('community.col.actual')}</TableCell>
          <TableCell>{t('community.col.recordedBy')}</TableCell>
          <TableCell align="right">{t('community.col.version')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.services.map((s) => {
          const open = () => navigate({ name: 'volunteerService', id: s.id });
          const struck = s.voided
            ? { textDecoration: 'line-through', color: 'text.secondary' }
            : {};
          return (
            <TableRow
              key={s.id}
              hover
              tabIndex={0}
              sx={{ cursor: 'pointer' }}
              data-testid="volunteer-service-row"
              onClick={open}
              onKeyDown={(e) => e.key === 'Enter' && open()}
            >
              <TableCell sx={{ whiteSpace: 'nowrap', ...struck }}>
                {spanText(s.startAt, s.endAt)}
              </TableCell>
              <TableCell sx={struck}>
                {s.content}{' '}
                {s.voided && <Chip size="small" color="warning" label={t('community.voided')} />}
              </TableCell>
              <TableCell>{s.activityName}</TableCell>
              <TableCell align="right">
                {t('community.minutes', { minutes: s.travelMinutes })}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600, ...struck }}>
                {hoursLabel(t, s.serviceMinutes)}
              </TableCell>
              <TableCell>{s.recordedBy.name}</TableCell>
              <TableCell align="right">{s.version}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
