import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { bedInServiceOn } from '@shared/domain/elderlyCare/institution';
import { loadLayout } from '../../../db/repositories/elderlyCare/institutions';
import type { Building } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { FactList } from '../../common/FactList';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { bedTypeLabel, gradeLabel, operatorLabel, sexRuleLabel } from '../labels';
import { useElderlyRole } from '../useElderlyRole';
import { BuildingDialog } from './BuildingDialog';
import { InstitutionDialog } from './InstitutionDialog';
import { RoomDialog } from './RoomDialog';

/** One institution: its facts and its layout — buildings, rooms per floor, beds. */
export function InstitutionScreen(props: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [dialog, setDialog] = useState<'edit' | 'building' | Building | null>(null);
  const today = todayDate();
  const layout = useLiveQuery(async () => (await loadLayout(db, props.id)) ?? null, [db, props.id]);
  const back = () => navigate({ name: 'elderlyInstitutions' });

  if (layout === undefined) return null;
  if (layout === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('elderly.inst.title')} onBack={back} />
        <Alert severity="warning">{t('elderly.inst.notFound')}</Alert>
      </Stack>
    );
  }
  const { institution: i, buildings, rooms, beds } = layout;
  const inService = beds.filter((b) => bedInServiceOn(b, today));
  const counts = {
    total: inService.length,
    nursing: inService.filter((b) => b.bedType === 'nursing').length,
  };

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={i.name}
        onBack={back}
        actions={
          <>
            <Button onClick={() => navigate({ name: 'beds', institutionId: i.id })}>
              {t('elderly.tab.board')}
            </Button>
            {may('setup') && (
              <Button variant="outlined" onClick={() => setDialog('edit')}>
                {t('elderly.inst.edit')}
              </Button>
            )}
          </>
        }
      />
      <Paper sx={{ p: 2 }}>
        <FactList
          items={[
            [t('elderly.field.code'), i.code],
            [t('elderly.field.operator'), operatorLabel(t, i.operatorType)],
            [t('elderly.field.grade'), gradeLabel(t, i.grade)],
            [t('elderly.field.address'), i.address],
            [t('elderly.field.phone'), i.phone],
            [t('elderly.field.bedCount'), t('elderly.inst.beds', counts)],
          ]}
        />
      </Paper>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('elderly.inst.buildings')}
        </Typography>
        {may('setup') && (
          <Button startIcon={<AddIcon />} onClick={() => setDialog('building')}>
            {t('elderly.inst.addBuilding')}
          </Button>
        )}
      </Stack>
      {buildings.length === 0 && <Alert severity="info">{t('elderly.inst.noBuildings')}</Alert>}
      {buildings.map((b) => (
        <Paper key={b.id} sx={{ p: 2 }} data-testid="layout-building">
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
              {b.name} · {t('elderly.field.floors')} {b.floors}
            </Typography>
            {may('setup') && (
              <Button size="small" startIcon={<AddIcon />} onClick={() => setDialog(b)}>
                {t('elderly.inst.addRoom')}
              </Button>
            )}
          </Stack>
          {rooms
            .filter((r) => r.buildingId === b.id)
            .map((r) => (
              <Box key={r.id} sx={{ display: 'flex', gap: 1, py: 0.5, alignItems: 'center' }}>
                <Typography sx={{ width: 140 }}>
                  {t('elderly.floorN', { n: r.floor })} · {t('elderly.roomN', { room: r.number })}
                </Typography>
                {beds
                  .filter((bed) => bed.roomId === r.id)
                  .map((bed) => (
                    <Chip
                      key={bed.id}
                      size="small"
                      variant={bed.retiredOn ? 'outlined' : 'filled'}
                      label={`${t('elderly.bedN', { bed: bed.number })} ${bedTypeLabel(t, bed.bedType)} · ${sexRuleLabel(t, bed.sexRule)}`}
                      sx={{ textDecoration: bed.retiredOn ? 'line-through' : 'none' }}
                    />
                  ))}
              </Box>
            ))}
        </Paper>
      ))}
      {dialog === 'edit' && <InstitutionDialog existing={i} onClose={() => setDialog(null)} />}
      {dialog === 'building' && (
        <BuildingDialog institutionId={i.id} onClose={() => setDialog(null)} />
      )}
      {dialog && typeof dialog === 'object' && (
        <RoomDialog building={dialog} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
