import { useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { sampleCalendarYears } from '@shared/calendar/workingDays';
import { useI18n } from '../../i18n/i18n';
import { loadCalendars, publishCalendar, when, type CalendarYear } from '../../referenceApi';
import { useLoad } from '../useLoad';
import { HistoryDialog } from './HistoryDialog';
import { toggled, YearGrid, type YearMarks } from './YearGrid';
import { useFormSend } from './useFormSend';

const marksOf = (y: Pick<CalendarYear, 'holidays' | 'extraWorkdays'>): YearMarks => ({
  holidays: new Set(y.holidays),
  extraWorkdays: new Set(y.extraWorkdays),
});
const sorted = (days: ReadonlySet<string>) => [...days].sort();

/** 工作日历: a year at a glance; an administrator edits the days and publishes the year. */
export function CalendarScreen(props: { admin: boolean; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const { value, reload } = useLoad(loadCalendars, props.onError);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<YearMarks | null>(null);
  const [sent, setSent] = useState(false);
  const [history, setHistory] = useState(false);
  const { fields, banner, busy, send } = useFormSend();
  const published = value?.years.find((y) => y.data.year === year);
  const sample = sampleCalendarYears.find((y) => y.year === year);
  // Around this year, every published year, and the sample years desks count on until then.
  const years = [
    ...new Set([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...sampleCalendarYears.map((y) => y.year),
      ...(value?.years ?? []).map((y) => y.data.year),
    ]),
  ].sort((a, b) => a - b);
  const shown = editing ?? marksOf(published?.data ?? { holidays: [], extraWorkdays: [] });
  const errors = [banner, ...Object.values(fields)].filter(Boolean);
  const publish = (marks: YearMarks) =>
    send(async () => {
      await publishCalendar({
        year,
        holidays: sorted(marks.holidays),
        extraWorkdays: sorted(marks.extraWorkdays),
      });
      setEditing(null);
      setSent(true);
      reload();
    });
  return (
    <Stack spacing={2}>
      <Alert severity="info">{t('cal.help')}</Alert>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('cal.year')}
          value={year}
          disabled={editing !== null}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setSent(false);
          }}
        >
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Typography sx={{ flexGrow: 1 }}>
          {t('cal.counts', {
            holidays: shown.holidays.size,
            workdays: shown.extraWorkdays.size,
          })}
          {published && !editing
            ? ` · ${t('cal.lastPublished', { by: published.by, at: when(published.at) })}`
            : ''}
        </Typography>
        <Button onClick={() => setHistory(true)}>{t('ref.history')}</Button>
        {props.admin && !editing && (
          <Button
            variant="outlined"
            onClick={() => {
              setSent(false);
              setEditing(marksOf(published?.data ?? sample ?? { holidays: [], extraWorkdays: [] }));
            }}
          >
            {t('cal.edit')}
          </Button>
        )}
        {editing && (
          <>
            <Button onClick={() => setEditing(null)}>{t('cal.stopEdit')}</Button>
            <Button variant="contained" disabled={busy} onClick={() => void publish(editing)}>
              {busy ? t('ref.sending') : t('cal.publishYear', { year })}
            </Button>
          </>
        )}
      </Stack>
      {!props.admin && <Typography>{t('ref.readOnly')}</Typography>}
      {sent && <Alert severity="success">{t('ref.sent')}</Alert>}
      {errors.map((e) => (
        <Alert key={e} severity="error">
          {e}
        </Alert>
      ))}
      {editing && <Alert severity="warning">{t('cal.editing')}</Alert>}
      {!published && !editing && value && (
        <Alert severity="warning">{t('cal.notPublished', { year })}</Alert>
      )}
      <YearGrid
        year={year}
        marks={shown}
        {...(editing ? { onToggle: (date: string) => setEditing(toggled(editing, date)) } : {})}
      />
      {history && value && (
        <HistoryDialog
          title={t('cal.historyOf', { year })}
          versions={value.history.filter((v) => v.data.year === year)}
          columns={[
            { label: t('cal.holiday'), cell: (d) => d.holidays.join('、') },
            { label: t('cal.workday'), cell: (d) => d.extraWorkdays.join('、') },
          ]}
          onClose={() => setHistory(false)}
        />
      )}
    </Stack>
  );
}
