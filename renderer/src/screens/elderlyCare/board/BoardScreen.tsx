import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { loadBoard } from '../../../db/repositories/elderlyCare/board';
import { listInstitutions } from '../../../db/repositories/elderlyCare/institutions';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { ElderlyTabs } from '../ElderlyTabs';
import { InstitutionSelect } from '../InstitutionSelect';
import { useElderlyRole } from '../useElderlyRole';
import { BedDialog } from './BedDialog';
import { BoardLegend } from './BoardLegend';
import { BuildingGrid } from './BuildingGrid';

/**
 * 床位看板: every bed of one institution today, coloured by status with the resident's
 * name. Live: an admission or discharge saved anywhere redraws the board.
 */
export function BoardScreen(props: { institutionId?: string | undefined }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [picked, setPicked] = useState(props.institutionId);
  const [openBed, setOpenBed] = useState<string | null>(null);
  const today = todayDate();

  const institutions = useLiveQuery(() => listInstitutions(db), [db]);
  const current = institutions?.some((i) => i.id === picked) ? picked : institutions?.[0]?.id;
  const board = useLiveQuery(
    async () => (current ? ((await loadBoard(db, current, today)) ?? null) : null),
    [db, current, today],
  );

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={t('elderly.title')}
        actions={
          may('record') && (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => navigate({ name: 'elderlyResidentNew' })}
            >
              {t('elderly.resident.new')}
            </Button>
          )
        }
      />
      <ElderlyTabs current="beds" />
      {institutions?.length === 0 && (
        <Alert
          severity="info"
          action={
            <Button onClick={() => navigate({ name: 'elderlyInstitutions' })}>
              {t('elderly.toInstitutions')}
            </Button>
          }
        >
          {t('elderly.noInstitution')}
        </Alert>
      )}
      {institutions && current && (
        <Stack
          direction="row"
          spacing={3}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        >
          <InstitutionSelect institutions={institutions} value={current} onChange={setPicked} />
          {board && <BoardLegend counts={board.counts} />}
        </Stack>
      )}
      {board && board.layout.beds.length === 0 && (
        <Alert severity="info">{t('elderly.noBeds')}</Alert>
      )}
      {board && board.layout.beds.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('elderly.board.hint')}
        </Typography>
      )}
      {board?.buildings.map((b) => (
        <BuildingGrid key={b.building.id} building={b} onOpen={setOpenBed} />
      ))}
      {openBed && <BedDialog bedId={openBed} onClose={() => setOpenBed(null)} />}
    </Stack>
  );
}
