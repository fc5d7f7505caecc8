import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { PickerDay, type PickerDayProps } from '@mui/x-date-pickers/PickerDay';
import { useT } from '../../i18n/useT';
import { dayMark } from './dayMarks';
import { useOfficeCalendar } from './officeCalendar';

const holidayRed = '#c62828';
const workdayBlue = '#1565c0';

/**
 * A calendar popup's day marked from the office calendar: a holiday in red with a small
 * 休, a 调休 working weekend with a small 班; the tooltip says which.
 */
export function MarkedDay(props: PickerDayProps) {
  const { t } = useT();
  const calendar = useOfficeCalendar();
  const date = props.day.format('YYYY-MM-DD');
  const mark = props.outsideCurrentMonth ? null : dayMark(date, calendar);
  if (!mark) return <PickerDay {...props} />;
  const holiday = mark === 'holiday';
  return (
    <Tooltip title={t(holiday ? 'dates.holiday' : 'dates.extraWorkday')} placement="top">
      <Box sx={{ position: 'relative' }} data-day-mark={mark} data-date={date}>
        <PickerDay
          {...props}
          sx={{
            ...(holiday ? { color: holidayRed, fontWeight: 700 } : { color: workdayBlue }),
          }}
        />
        <Box
          component="span"
          aria-hidden
          sx={{
            position: 'absolute',
            top: -2,
            right: 0,
            fontSize: 9,
            lineHeight: 1,
            color: holiday ? holidayRed : workdayBlue,
            pointerEvents: 'none',
          }}
        >
          {t(holiday ? 'dates.legend.holiday' : 'dates.legend.extraWorkday')}
        </Box>
      </Box>
    </Tooltip>
  );
}

/** The key under a calendar: what red and 班 mean. */
export function DayMarkLegend() {
  const { t } = useT();
  const item = (color: string, badge: string, text: string) => (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Typography component="span" sx={{ color, fontWeight: 700, fontSize: 12 }}>
        {badge}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {text}
      </Typography>
    </Stack>
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      sx={{ px: 2, pb: 1, gridColumn: '1 / 4', gridRow: 3 }}
      data-testid="day-mark-legend"
    >
      {item(holidayRed, t('dates.legend.holiday'), t('dates.holiday'))}
      {item(workdayBlue, t('dates.legend.extraWorkday'), t('dates.extraWorkday'))}
    </Stack>
  );
}
