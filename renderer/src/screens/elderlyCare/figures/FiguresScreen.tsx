import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { firstDayOfMonth } from '@shared/calendar/dates';
import { abilityLevels, fundingCategories } from '@shared/domain/elderlyCare/enums';
import { loadFigures } from '../../../db/repositories/elderlyCare/figures';
import { listInstitutions } from '../../../db/repositories/elderlyCare/institutions';
import { loadElderlyCareSettings } from '../../../db/repositories/elderlyCare/settings';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../state/session';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { DateField } from '../../common/DateField';
import { ElderlyTabs } from '../ElderlyTabs';
import { InstitutionSelect } from '../InstitutionSelect';
import { bedStatusLabel, fundingLabel, levelLabel, percent } from '../labels';
import { Section } from '../Section';
import { statusColors } from '../board/statusColors';
import { useElderlyRole } from '../useElderlyRole';
import { BarChart, ShareBar, StackedBar } from './charts';
import { SettingsDialog } from './SettingsDialog';
import { StatCard } from './StatCard';

const levelColor = '#4a77ad';

/** Within one year the year is said once: "2026-11-01 至 11-28". */
function shortPeriod(from: string, to: string) {
  return { from, to: from.slice(0, 4) === to.slice(0, 4) ? to.slice(5) : to };
}
const fundingColor = '#7b3f98';

/**
 * 养老统计 as of a chosen day: occupancy rate, nursing-bed share against the target,
 * admissions and discharges in a period, residents by level and funding. Computed by
 * the same pure function the tests check, from stays and beds as they were that day.
 */
export function FiguresScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const may = useElderlyRole();
  const today = todayDate();
  const [institutionId, setInstitutionId] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [from, setFrom] = useState(firstDayOfMonth(today));
  const [to, setTo] = useState(today);
  const [configuring, setConfiguring] = useState(false);
  const institutions = useLiveQuery(() => listInstitutions(db), [db]);
  const settings = useLiveQuery(() => loadElderlyCareSettings(db), [db]);
  const valid = [asOf, from, to].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const f = useLiveQuery(
    async () => (valid ? loadFigures(db, institutionId || null, asOf, { from, to }) : null),
    [db, institutionId, asOf, from, to, valid],
  );

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('elderly.figures.title')}
        actions={
          may('configure') && (
            <Button variant="outlined" onClick={() => setConfiguring(true)}>
              {t('elderly.figures.settings')}
            </Button>
          )
        }
      />
      <ElderlyTabs current="elderlyFigures" />
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <InstitutionSelect
          institutions={institutions ?? []}
          value={institutionId}
          onChange={setInstitutionId}
          allowAll
        />
        <div style={{ width: 180 }}>
          <DateField fullWidth label={t('elderly.field.asOf')} value={asOf} onChange={setAsOf} />
        </div>
        <div style={{ width: 180 }}>
          <DateField
            fullWidth
            label={t('elderly.field.periodFrom')}
            value={from}
            onChange={setFrom}
          />
        </div>
        <div style={{ width: 180 }}>
          <DateField fullWidth label={t('elderly.field.periodTo')} value={to} onChange={setTo} />
        </div>
      </Stack>
      {f && (
        <>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fit, minmax(190px, 1fr))',
            }}
          >
            <StatCard
              label={t('elderly.figures.occupancy')}
              value={percent(f.occupancyPermille)}
              detail={t('elderly.figures.occupancyOf', { used: f.inUse, total: f.beds.total })}
              testId="figure-occupancy"
            />
            <StatCard
              label={t('elderly.figures.nursingShare')}
              value={percent(f.nursingSharePermille)}
              detail={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{t('elderly.figures.target', { target: f.nursingTargetPercent })}</span>
                  <Chip
                    size="small"
                    color={f.nursingTargetMet ? 'success' : 'warning'}
                    label={t(
                      f.nursingTargetMet
                        ? 'elderly.figures.targetMet'
                        : 'elderly.figures.targetMissed',
                    )}
                  />
                </Stack>
              }
              testId="figure-nursing"
            />
            <StatCard
              label={t('elderly.figures.inCare')}
              value={f.residents.total}
              detail={asOf}
              testId="figure-in-care"
            />
            <StatCard
              label={t('elderly.figures.admissions')}
              value={f.admissions}
              detail={t('elderly.figures.period', shortPeriod(from, to))}
              testId="figure-admissions"
            />
            <StatCard
              label={t('elderly.figures.discharges')}
              value={f.discharges.total}
              detail={t('elderly.figures.dischargeSplit', f.discharges)}
              testId="figure-discharges"
            />
          </Box>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title={t('elderly.figures.bedsChart')}>
                <StackedBar
                  title={t('elderly.figures.bedsChart')}
                  testId="beds-chart"
                  parts={(['occupied', 'held', 'reserved', 'maintenance', 'vacant'] as const).map(
                    (s) => ({
                      label: bedStatusLabel(t, s),
                      value: f.beds[s],
                      color: statusColors[s].edge,
                    }),
                  )}
                />
                <div style={{ marginTop: 24 }}>
                  <ShareBar
                    permille={f.nursingSharePermille}
                    targetPercent={f.nursingTargetPercent}
                    met={f.nursingTargetMet}
                    label={`${t('elderly.figures.nursingShare')} ${percent(f.nursingSharePermille)}`}
                    targetLabel={t('elderly.figures.target', { target: f.nursingTargetPercent })}
                  />
                  {t('elderly.figures.nursingOf', { nursing: f.beds.nursing, total: f.beds.total })}
                </div>
                <p style={{ color: '#52606d', fontSize: 13, marginBottom: 0 }}>
                  {!f.heldCountsAsOccupied
                    ? t('elderly.figures.heldNotCounted')
                    : t('elderly.figures.heldNote')}
                </p>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title={t('elderly.figures.levelChart')}>
                <BarChart
                  title={t('elderly.figures.levelChart')}
                  testId="level-chart"
                  bars={[...abilityLevels, 'unassessed' as const].map((l) => ({
                    label: levelLabel(t, l),
                    value: f.residents.byLevel[l],
                    color: levelColor,
                  }))}
                />
              </Section>
              <div style={{ height: 16 }} />
              <Section title={t('elderly.figures.fundingChart')}>
                <BarChart
                  title={t('elderly.figures.fundingChart')}
                  testId="funding-chart"
                  bars={fundingCategories.map((c) => ({
                    label: fundingLabel(t, c),
                    value: f.residents.byFunding[c],
                    color: fundingColor,
                  }))}
                />
              </Section>
            </Grid>
          </Grid>
        </>
      )}
      {configuring && settings && (
        <SettingsDialog settings={settings} onClose={() => setConfiguring(false)} />
      )}
    </Stack>
  );
}
