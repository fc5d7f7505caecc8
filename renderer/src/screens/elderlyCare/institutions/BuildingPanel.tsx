import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Bed, Building, Room } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { bedTypeLabel, sexRuleLabel } from '../labels';

/** What the institution page opens from a building's panel. */
export type LayoutAction =
  | { type: 'editBuilding' | 'addRoom' | 'buildingHistory'; building: Building }
  | { type: 'editRoom' | 'addBeds' | 'roomHistory'; building: Building; room: Room }
  | { type: 'bed'; bed: Bed };

/**
 * One building on the institution page: its rooms floor by floor, each room's beds
 * (a bed opens its record), and — for those who set up the home — corrections,
 * adding beds to a room (one left without beds included) and each record's history.
 */
export function BuildingPanel(props: {
  building: Building;
  rooms: Room[];
  beds: Bed[];
  maySetUp: boolean;
  onAction: (action: LayoutAction) => void;
}) {
  const { t } = useT();
  const { building: b, maySetUp, onAction } = props;
  return (
    <Paper sx={{ p: 2 }} data-testid="layout-building">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
          {b.name} · {t('elderly.field.floors')} {b.floors}
        </Typography>
        <Button size="small" onClick={() => onAction({ type: 'buildingHistory', building: b })}>
          {t('elderly.fix.history')}
        </Button>
        {maySetUp && (
          <>
            <Button size="small" onClick={() => onAction({ type: 'editBuilding', building: b })}>
              {t('elderly.fix.editBuilding')}
            </Button>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => onAction({ type: 'addRoom', building: b })}
            >
              {t('elderly.inst.addRoom')}
            </Button>
          </>
        )}
      </Stack>
      {props.rooms.map((r) => {
        const beds = props.beds.filter((bed) => bed.roomId === r.id);
        const room = { building: b, room: r };
        return (
          <Box
            key={r.id}
            sx={{ display: 'flex', gap: 1, py: 0.5, alignItems: 'center', flexWrap: 'wrap' }}
            data-testid={`layout-room-${r.number}`}
          >
            <Typography sx={{ width: 140 }}>
              {t('elderly.floorN', { n: r.floor })} · {t('elderly.roomN', { room: r.number })}
            </Typography>
            {beds.length === 0 && (
              <Typography color="warning.dark" variant="body2">
                {t('elderly.fix.noBeds')}
              </Typography>
            )}
            {beds.map((bed) => (
              <Chip
                key={bed.id}
                size="small"
                variant={bed.retiredOn ? 'outlined' : 'filled'}
                label={`${t('elderly.bedN', { bed: bed.number })} ${bedTypeLabel(t, bed.bedType)} · ${sexRuleLabel(t, bed.sexRule)}`}
                sx={{ textDecoration: bed.retiredOn ? 'line-through' : 'none' }}
                onClick={() => onAction({ type: 'bed', bed })}
              />
            ))}
            <Box sx={{ flexGrow: 1 }} />
            <Button size="small" onClick={() => onAction({ type: 'roomHistory', ...room })}>
              {t('elderly.fix.history')}
            </Button>
            {maySetUp && (
              <>
                <Button size="small" onClick={() => onAction({ type: 'editRoom', ...room })}>
                  {t('elderly.fix.editRoom')}
                </Button>
                <Button
                  size="small"
                  startIcon={<AddIcon />}
                  onClick={() => onAction({ type: 'addBeds', ...room })}
                >
                  {t('elderly.fix.addBeds')}
                </Button>
              </>
            )}
          </Box>
        );
      })}
    </Paper>
  );
}
