import { Box, Paper, Typography } from '@mui/material';
import { dayOfWeek, isoDateFromParts } from '@shared/calendar/dates';
import { useI18n } from '../../i18n/i18n';

export interface YearMarks {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

const isWeekend = (date: string) => [0, 6].includes(dayOfWeek(date));

/** The days of a month as weeks from Monday: null pads the first and last week. */
function weeksOf(year: number, month: number): (string | null)[] {
  const days: string[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = isoDateFromParts(year, month, day);
    if (date) days.push(date);
  }
  const lead = ((days[0] ? dayOfWeek(days[0]) : 1) + 6) % 7;
  return [...Array<null>(lead).fill(null), ...days];
}

/**
 * A year at a glance: twelve months, holidays red, 调休 working weekends blue, other
 * weekends grey. With `onToggle`, each day is a button that switches its mark.
 */
export function YearGrid(props: {
  year: number;
  marks: YearMarks;
  onToggle?: (date: string) => void;
}) {
  const { t } = useI18n();
  const weekdays = t('cal.weekdays').split(',');
  const look = (date: string) => {
    if (props.marks.holidays.has(date))
      return { bgcolor: 'error.main', color: 'error.contrastText', word: t('cal.holiday') };
    if (props.marks.extraWorkdays.has(date))
      return { bgcolor: 'info.main', color: 'info.contrastText', word: t('cal.workday') };
    if (isWeekend(date)) return { bgcolor: 'action.hover', color: 'text.secondary', word: '' };
    return { bgcolor: 'transparent', color: 'text.primary', word: '' };
  };
  const swatch = (bgcolor: string, color: string, word: string) => (
    <Box component="span" sx={{ bgcolor, color, borderRadius: 1, px: 1, fontSize: 13 }}>
      {word}
    </Box>
  );
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
        <Typography variant="body2">{t('cal.legend')}</Typography>
        {swatch('error.main', 'error.contrastText', t('cal.holiday'))}
        {swatch('info.main', 'info.contrastText', t('cal.workday'))}
        {swatch('action.hover', 'text.secondary', t('cal.weekend'))}
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))',
          gap: 1,
        }}
      >
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <Paper key={month} variant="outlined" sx={{ p: 1 }}>
            <Typography variant="subtitle2" component="h3" sx={{ textAlign: 'center' }}>
              {t('cal.month', { month })}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px' }}>
              {weekdays.map((w) => (
                <Typography key={w} variant="caption" sx={{ textAlign: 'center' }}>
                  {w}
                </Typography>
              ))}
              {weeksOf(props.year, month).map((date, i) => {
                if (!date) return <span key={`pad-${i}`} />;
                const { word, ...colours } = look(date);
                return (
                  <Box
                    key={date}
                    component={props.onToggle ? 'button' : 'span'}
                    type={props.onToggle ? 'button' : undefined}
                    title={word ? `${date} ${word}` : date}
                    aria-label={word ? `${date} ${word}` : date}
                    data-date={date}
                    onClick={props.onToggle ? () => props.onToggle?.(date) : undefined}
                    sx={{
                      ...colours,
                      border: 0,
                      borderRadius: 1,
                      font: 'inherit',
                      fontSize: 13,
                      textAlign: 'center',
                      lineHeight: '24px',
                      cursor: props.onToggle ? 'pointer' : 'default',
                    }}
                  >
                    {Number(date.slice(8))}
                  </Box>
                );
              })}
            </Box>
          </Paper>
        ))}
      </Box>
    </>
  );
}

/** The next mark of a clicked day: weekday ↔ holiday; weekend → 调休 → holiday → weekend. */
export function toggled(marks: YearMarks, date: string): YearMarks {
  const holidays = new Set(marks.holidays);
  const extraWorkdays = new Set(marks.extraWorkdays);
  if (!isWeekend(date)) {
    if (!holidays.delete(date)) holidays.add(date);
  } else if (extraWorkdays.has(date)) {
    extraWorkdays.delete(date);
    holidays.add(date);
  } else if (!holidays.delete(date)) {
    extraWorkdays.add(date);
  }
  return { holidays, extraWorkdays };
}
