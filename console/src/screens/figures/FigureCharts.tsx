import { Paper, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { FiguresAnswer } from '../../figuresApi';
import { useI18n } from '../../i18n/i18n';

const programmes = ['dibao', 'tekun', 'temporary'] as const;

/**
 * The figures' two charts: amounts paid per programme over the last 12 months, and the
 * cases in payment per office in the month (stacked by programme). Chinese labels.
 */
export function FigureCharts(props: { figures: FiguresAnswer }) {
  const { t, wordFor } = useI18n();
  const { figures } = props;
  const first = figures.series[0]?.month ?? figures.month;
  const range = t('figures.range', {
    from: t('figures.longMonth', { year: first.slice(0, 4), month: first.slice(5, 7) }),
    to: t('figures.longMonth', {
      year: figures.month.slice(0, 4),
      month: figures.month.slice(5, 7),
    }),
  });
  const localeText = { noData: t('figures.noData'), loading: t('figures.loading') };
  const yuanText = (v: number | null) => (v === null ? '' : `${v.toFixed(2)} ${t('figures.yuan')}`);
  const casesText = (v: number | null) => (v === null ? '' : `${v} ${t('figures.cases')}`);
  const names = new Map(figures.offices.map((o) => [o.id, o.name]));
  const offices = figures.offices.map((o) => o.id);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <Paper sx={{ p: 2, flex: 3, minWidth: 0 }} role="figure" aria-label={t('figures.chartPaid')}>
        <Typography variant="subtitle1" component="h3">
          {t('figures.chartPaid')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {range}
        </Typography>
        <BarChart
          height={320}
          localeText={localeText}
          xAxis={[
            {
              scaleType: 'band',
              data: figures.series.map((s) => s.month),
              label: t('figures.month.axis'),
              // Ticks '3月' (the title says the years), tooltips '2026年03月'.
              tickLabelInterval: () => true,
              valueFormatter: (m: string, context) =>
                context.location === 'tick'
                  ? t('figures.tickMonth', { month: Number(m.slice(5, 7)) })
                  : t('figures.longMonth', { year: m.slice(0, 4), month: m.slice(5, 7) }),
            },
          ]}
          yAxis={[{ width: 60 }]}
          series={programmes.map((p) => ({
            id: p,
            label: wordFor('programme.', p),
            stack: 'paid',
            data: figures.series.map((s) => (s.paidFen[p] ?? 0) / 100),
            valueFormatter: yuanText,
          }))}
        />
      </Paper>
      <Paper
        sx={{ p: 2, flex: 2, minWidth: 0 }}
        role="figure"
        aria-label={t('figures.chartCases', { month: figures.month })}
      >
        <Typography variant="subtitle1" component="h3">
          {t('figures.chartCases', { month: figures.month })}
        </Typography>
        <BarChart
          height={320}
          localeText={localeText}
          xAxis={[{ scaleType: 'band', data: offices.map((id) => names.get(id) ?? id) }]}
          yAxis={[{ tickMinStep: 1, width: 40 }]}
          series={programmes.map((p) => ({
            id: p,
            label: wordFor('programme.', p),
            stack: 'cases',
            data: offices.map(
              (id) =>
                figures.rows.find((r) => r.programme === p && r.officeId === id)?.casesInPayment ??
                0,
            ),
            valueFormatter: casesText,
          }))}
        />
      </Paper>
    </Stack>
  );
}
