import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { listCalendarYears } from '../../db/repositories/reference';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { SettingsSection } from './SettingsSection';

/** Working-calendar years, read-only: the county publishes them with the State Council's dates. */
export function CalendarPanel() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const years = useLiveQuery(() => listCalendarYears(db), [db]);

  return (
    <SettingsSection title={t('settings.calendar.title')} intro={t('settings.calendar.intro')}>
      <Table size="small" aria-label={t('settings.calendar.title')} sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('settings.calendar.year')}</TableCell>
            <TableCell align="right">{t('settings.calendar.holidays')}</TableCell>
            <TableCell align="right">{t('settings.calendar.extraWorkdays')}</TableCell>
            <TableCell>{t('settings.standards.source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {years?.length === 0 && (
            <TableRow>
              <TableCell colSpan={4}>
                <Typography color="text.secondary">{t('settings.calendar.empty')}</Typography>
              </TableCell>
            </TableRow>
          )}
          {(years ?? []).map((y) => (
            <TableRow key={y.id} data-testid="calendar-row">
              <TableCell>{y.year}</TableCell>
              <TableCell align="right">{y.holidays.length}</TableCell>
              <TableCell align="right">{y.extraWorkdays.length}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={
                    y.source === 'hq' ? 'primary' : y.source === 'sample' ? 'warning' : 'default'
                  }
                  label={t(`settings.standards.source.${y.source}`)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </SettingsSection>
  );
}
