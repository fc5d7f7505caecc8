import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { bedInServiceOn } from '@shared/domain/elderlyCare/institution';
import { loadLayout } from '../../../db/repositories/elderlyCare/institutions';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { FactList } from '../../common/FactList';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { ElderlyHistory } from '../history/ElderlyHistory';
import { gradeLabel, operatorLabel } from '../labels';
import { useElderlyRole } from '../useElderlyRole';
import { BuildingDialog } from './BuildingDialog';
import { InstitutionDialog } from './InstitutionDialog';
import { BuildingPanel, type LayoutAction } from './BuildingPanel';
import { LayoutActionDialog } from './LayoutActionDialog';

/**
 * One institution: its facts, its layout — buildings, rooms per floor, beds — and its
 * version history; each building, room and bed is corrected here with a reason.
 */
export function InstitutionScreen(props: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [dialog, setDialog] = useState<'edit' | 'building' | null>(null);
  const [action, setAction] = useState<LayoutAction | null>(null);
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
        <BuildingPanel
          key={b.id}
          building={b}
          rooms={rooms.filter((r) => r.buildingId === b.id)}
          beds={beds}
          maySetUp={may('setup')}
          onAction={setAction}
        />
      ))}
      <ElderlyHistory kind="elderlyInstitution" id={i.id} />
      {dialog === 'edit' && <InstitutionDialog existing={i} onClose={() => setDialog(null)} />}
      {dialog === 'building' && (
        <BuildingDialog institutionId={i.id} onClose={() => setDialog(null)} />
      )}
      {action && <LayoutActionDialog action={action} beds={beds} onClose={() => setAction(null)} />}
    </Stack>
  );
}
